"""From a submission to a case: which queue, when it is due, and who the resident is."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from .enums import Channel, UpdateKind
from .models import Case, Queue, RoutingRule
from .working_days import add_working_days

UNROUTED = _("Unrouted submissions")


def queue_for(journey, answers):
    """The first matching routing rule's queue, else the default queue."""
    # Rules follow a form into its translations: a Welsh report goes where the English one does.
    rules = (
        RoutingRule.objects.filter(journey__translation_key=journey.translation_key)
        if journey is not None
        else RoutingRule.objects.none()
    )
    for rule in rules.select_related("queue"):
        if rule.matches(answers):
            return rule.queue
    default = Queue.objects.filter(is_default=True).first()
    if default is None:
        # No team is set up to catch it: keep the case where administrators see it, rather than
        # turn the resident away.
        default, _created = Queue.objects.get_or_create(
            name=str(UNROUTED), defaults={"is_default": True}
        )
    return default


def _first_of_type(rows, kind):
    for row in rows:
        if row["type"] == kind and row["value"]:
            return row["value"]
    return None


def resident_details(rows):
    """Contact details from the answers, found by the type of question that asked for them."""
    address = _first_of_type(rows, "address") or {}
    name = next(
        (
            row["value"]
            for row in rows
            if row["type"] == "text" and "name" in row["name"] and row["value"]
        ),
        "",
    )
    return {
        "resident_name": name or "",
        "resident_email": _first_of_type(rows, "email") or "",
        "resident_phone": _first_of_type(rows, "phone") or "",
        "resident_postcode": (_first_of_type(rows, "postcode") or address.get("postcode") or ""),
    }


@transaction.atomic
def open_case(submission, *, channel=Channel.ONLINE, assisted_by=None):
    answers = {row["name"]: row["value"] for row in submission.answers}
    queue = queue_for(submission.journey, answers)
    case = Case.objects.create(
        reference=submission.reference,
        submission=submission,
        journey=submission.journey,
        summary=submission.journey_title,
        queue=queue,
        due_date=add_working_days(timezone.localdate(), queue.sla_working_days),
        answers=submission.answers,
        language=submission.language,
        channel=channel,
        assisted_by=assisted_by,
        retention_days=submission.retention_days,
        **resident_details(submission.answers),
    )
    case.updates.create(kind=UpdateKind.CREATED, author=assisted_by, public=True)
    log(case, "cases.create", user=assisted_by)
    from .signals import case_created

    case_created.send(sender=Case, case=case)
    return case
