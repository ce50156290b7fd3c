"""From a submission to a case: which queue, when it is due, and who the resident is."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from forms_app.journeys.rules import routing_keys

from .enums import Channel, UpdateKind
from .models import Case, Queue, RoutingRule
from .signals import case_created
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
    rules = list(rules.select_related("queue"))
    if any(rule.question_name for rule in rules):
        # Checkbox answers are kept as the options' words, in the resident's language: rules
        # match the options' values, which are the same in every language.
        page = journey.specific
        if hasattr(page, "journey"):
            answers = routing_keys(page, answers)
    for rule in rules:
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


def resident_details(answers):
    """The case's contact fields, from the answers that hold the resident's name and details."""
    resident = answers.resident()
    return {
        "resident_name": resident["name"],
        "resident_email": resident["email"],
        "resident_phone": resident["phone"],
        "resident_postcode": resident["postcode"],
    }


# One transaction with the caller's, when it has one (the submit's): a savepoint of its own would
# cost two round trips a case and undo nothing the caller's rollback does not.
@transaction.atomic(savepoint=False)
def open_case(submission, *, channel=Channel.ONLINE, assisted_by=None):
    answers = submission.get_answers()
    queue = queue_for(submission.journey, answers.values())
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
        **resident_details(answers),
    )
    case.updates.create(kind=UpdateKind.CREATED, author=assisted_by, public=True)
    log(case, "cases.create", user=assisted_by)
    case_created.send(sender=Case, case=case)
    return case
