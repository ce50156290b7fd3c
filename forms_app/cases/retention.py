"""Retention: residents' personal details are removed from cases closed for longer than kept.

Each case keeps its resident's details for `retention_days` after it was closed or cancelled (the
form sets the number when the case is opened). After that, `purge_expired_cases` (daily) blanks the
contact fields, replaces every answer with REMOVED, on the case and on the submission it came from,
and deletes the files the resident uploaded. The apps that kept a copy hear `case_anonymised` in
the same transaction: notifications forget what they said and to whom, and systems sent the case
by webhook are told to remove theirs ("case.anonymised"). The case itself stays, with its
reference, form, queue, dates, statuses and history, so reports still count it and the audit
trail still reads.

Resolved cases are not touched: a resolved case can be reopened if the resident comes back, so its
clock starts only when it is closed.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from forms_app.journeys.answers import REMOVED, Answers
from forms_app.journeys.uploads import delete_upload

from .enums import CaseStatus, UpdateKind
from .models import Case
from .signals import case_anonymised

EXPIRING_STATUSES = frozenset({CaseStatus.CLOSED, CaseStatus.CANCELLED})


def is_expired(case, now):
    return (
        case.status in EXPIRING_STATUSES
        and case.closed_at is not None
        and case.anonymised_at is None
        and case.closed_at + datetime.timedelta(days=case.retention_days) < now
    )


def expired_cases(now):
    """Cases whose resident's details are due for removal at `now`."""
    # Each case has its own retention period, so the database narrows the candidates and the
    # final cut is made here; anonymised cases drop out, so the candidates stay few.
    candidates = Case.objects.filter(
        status__in=EXPIRING_STATUSES, closed_at__lt=now, anonymised_at__isnull=True
    ).order_by("closed_at", "pk")
    return [case for case in candidates if is_expired(case, now)]


def stored_files(rows):
    """Private storage names of the files attached to these stored answer rows."""
    return [stored.name for stored in Answers.from_json(rows).files()]


def scrub_answers(rows):
    """The answers with what the resident said removed, and the questions they were asked kept."""
    return Answers.from_json(rows).scrubbed().as_json()


@transaction.atomic
def anonymise_case(case, now=None):
    """Remove a case's personal details. Returns False if they were already removed."""
    now = now or timezone.now()
    # Lock the case row only: PostgreSQL cannot lock the optional side of the submission join.
    case = Case.objects.select_for_update(of=("self",)).select_related("submission").get(pk=case.pk)
    if case.anonymised_at is not None:
        return False
    submission = case.submission

    # Files go first: if saving below fails, the case still lists them and the next run tries
    # again (deleting a missing file is fine), whereas files deleted only after the commit could
    # be left behind, unreferenced, by a crash in between.
    names = stored_files(case.answers) + (stored_files(submission.answers) if submission else [])
    for name in dict.fromkeys(names):
        delete_upload(name)

    case.resident_name = ""
    case.resident_email = ""
    case.resident_phone = ""
    case.resident_postcode = ""
    case.answers = scrub_answers(case.answers)
    case.anonymised_at = now
    case.save(
        update_fields=[
            "resident_name",
            "resident_email",
            "resident_phone",
            "resident_postcode",
            "answers",
            "anonymised_at",
            "updated_at",
        ]
    )
    if submission is not None:
        submission.answers = scrub_answers(submission.answers)
        submission.save(update_fields=["answers"])
    # Notes and messages can quote the resident; what happened and when stays in the history.
    case.updates.exclude(text="").update(text=str(REMOVED))
    case.updates.create(kind=UpdateKind.ANONYMISED, created_at=now)
    log(case, "cases.anonymise", user=None, timestamp=now)
    case_anonymised.send(sender=Case, case=case)
    return True


def purge_expired_cases(now=None):
    """Anonymise every case past its retention period. Returns how many were anonymised."""
    now = now or timezone.now()
    return sum(anonymise_case(case, now) for case in expired_cases(now))
