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
clock starts only when it is closed. Nor is a case another app still needs whole, whatever its age:
an app says which through the "case_retention_holds" Wagtail hook, a function given a queryset of
cases that returns those it holds (Direct Debit: an instruction still in force at the bank).

The same daily run removes what forms never sent leave behind (`purge_abandoned`): saved forms
("Save and come back later") once their link has expired, and the files residents uploaded on the
way that no submission, case or saved form refers to, once no journey can still use them (see
forms_app/journeys/progress.py). What a run removed is recorded, in numbers only, as a
RetentionRun in the audit log.
"""

import dataclasses
import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter, log

from forms_app.journeys.answers import REMOVED, Answers
from forms_app.journeys.models import SavedProgress, Submission
from forms_app.journeys.progress import journey_lifetime, state_files
from forms_app.journeys.resume import RESUME_LINK_DAYS
from forms_app.journeys.uploads import delete_upload, stored_uploads

from .enums import CaseStatus, UpdateKind
from .models import Case, RetentionRun
from .signals import case_anonymised, retention_due

EXPIRING_STATUSES = frozenset({CaseStatus.CLOSED, CaseStatus.CANCELLED})
# Beyond a journey's life, so a resident who sends their form in its last minute never has a file
# removed between their answers being read and their submission being saved.
ABANDONED_FILE_GRACE = datetime.timedelta(hours=1)


@dataclasses.dataclass(frozen=True)
class RetentionReport:
    """How much one run removed."""

    cases_anonymised: int = 0
    files_removed: int = 0
    saved_forms_removed: int = 0

    def removed_anything(self):
        return any(dataclasses.astuple(self))

    def as_dict(self):
        return dataclasses.asdict(self)


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
    for held_by in hooks.get_hooks("case_retention_holds"):
        candidates = candidates.exclude(pk__in=held_by(candidates).values("pk"))
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


def purge_abandoned(now=None):
    """Remove saved forms whose link has expired, then every journey file that no submission,
    case or saved form refers to and that no journey has used for longer than a journey can last.
    Returns (files removed, saved forms removed)."""
    now = now or timezone.now()
    expired = SavedProgress.objects.filter(
        created_at__lt=now - datetime.timedelta(days=RESUME_LINK_DAYS)
    )
    saved_forms_removed, _by_model = expired.delete()
    # Files stamped since the cut-off are left alone without asking: a journey may be using them.
    # Older ones go unless a stored answer still refers to them.
    cutoff = now - journey_lifetime() - ABANDONED_FILE_GRACE
    candidates = [name for name, last_used in stored_uploads() if last_used < cutoff]
    if not candidates:
        return 0, saved_forms_removed
    referred_to = _files_answers_refer_to()
    files_removed = 0
    for name in candidates:
        if name not in referred_to:
            delete_upload(name)
            files_removed += 1
    return files_removed, saved_forms_removed


def _files_answers_refer_to():
    """Storage names of every file a submission, a case or a saved form still refers to."""
    names = set()
    # Anonymised ones refer to nothing any more: their files went with their answers.
    submissions = Submission.objects.exclude(case__anonymised_at__isnull=False)
    for rows in submissions.values_list("answers", flat=True).iterator():
        names.update(stored_files(rows))
    cases = Case.objects.filter(anonymised_at__isnull=True)
    for rows in cases.values_list("answers", flat=True).iterator():
        names.update(stored_files(rows))
    for answers in SavedProgress.objects.values_list("answers", flat=True).iterator():
        names.update(file.name for file in state_files(answers or {}))
    return names


def run_retention(now=None):
    """The daily run: expired cases, then what forms never sent left behind, recorded if anything
    was removed (in numbers only, never what or whose)."""
    now = now or timezone.now()
    files_removed, saved_forms_removed = purge_abandoned(now)
    report = RetentionReport(
        cases_anonymised=purge_expired_cases(now),
        files_removed=files_removed,
        saved_forms_removed=saved_forms_removed,
    )
    # Apps with personal data of their own remove theirs (and record it themselves).
    retention_due.send(sender=RetentionRun, now=now)
    if report.removed_anything():
        run = RetentionRun.objects.create(ran_at=now, **report.as_dict())
        log(run, "cases.retention_run", user=None, timestamp=now, data=report.as_dict())
    return report


class RetentionRunFormatter(LogFormatter):
    """A retention run in the site history: how many of each thing went, never which or whose."""

    label = _("Old personal data removed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _(
            "Cases anonymised: %(cases)s. Files of forms never sent removed: %(files)s. "
            "Saved forms removed: %(saved_forms)s."
        ) % {
            "cases": data.get("cases_anonymised", 0),
            "files": data.get("files_removed", 0),
            "saved_forms": data.get("saved_forms_removed", 0),
        }
