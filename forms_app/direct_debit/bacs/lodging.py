"""Producing AUDDIS files: every pending instruction as a 0N (it becomes lodged), every
instruction whose cancellation the bank has not yet been told of as a 0C (it becomes cancelled).

Each instruction goes to the bank exactly once, however many members of staff press "Produce"
at the same moment: one transaction locks the Bacs settings row (so file numbers follow one
another) and the instructions it takes, and moves them on before it commits; a second request
waits, then finds them no longer pending. Instructions are grouped by service user number, one
file for each.
"""

import dataclasses
import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forms_app.cases.working_days import add_working_days, is_working_day
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction

from .enums import TransactionCode
from .models import AuddisEntry, AuddisFile, BacsSettings
from .standard18 import AuddisRecord, Originator, Standard18Error, check_record, write_file

# Lodged instructions the payer's bank has not rejected this many working days after the file's
# processing date are taken as accepted (AUDDIS reports only rejections: see activate_accepted).
ACCEPTED_AFTER_WORKING_DAYS = 5


class NotReady(Exception):
    """The council's own details are missing: no file can be written."""


@dataclasses.dataclass
class Outcome:
    files: list = dataclasses.field(default_factory=list)
    # (instruction reference, why it was left out), for staff to put right.
    left_out: list = dataclasses.field(default_factory=list)
    activated: int = 0


def originator_for(instruction, bacs_settings):
    """The service user an instruction is lodged for: its Direct Debit page's, else the
    council's default in the Bacs settings."""
    page = instruction.page.specific if instruction.page_id else None
    sun = getattr(page, "service_user_number", "") or bacs_settings.default_service_user_number
    name = getattr(page, "service_user_name", "") or bacs_settings.default_service_user_name
    return Originator(
        sun=(sun or "").strip(),
        service_user_name=name or "",
        sort_code=bacs_settings.originating_sort_code,
        account_number=bacs_settings.originating_account_number,
    )


def processing_date(today):
    """Files sent today are processed on the next working day."""
    return add_working_days(today, 1)


def _record(instruction, code):
    return AuddisRecord(
        sort_code=instruction.sort_code or "",
        account_number=instruction.account_number or "",
        transaction_code=code,
        reference=instruction.reference,
        account_name=instruction.account_name,
    )


def _check_settings(bacs_settings):
    try:
        check_record(
            AuddisRecord("000000", "00000000", TransactionCode.NEW, "CHECKS", "X"),
            Originator(
                "000000",
                "X",
                bacs_settings.originating_sort_code,
                bacs_settings.originating_account_number,
            ),
        )
    except Standard18Error:
        raise NotReady(
            _(
                "The council's sort code and account number are not set. Add them in "
                "Settings > Bacs files first."
            )
        ) from None


def _next_serial():
    last = AuddisFile.objects.order_by("-serial").values_list("serial", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def produce_files(*, user=None, now=None):
    """Write the files due now, move their instructions on, and return what was done.

    Raises NotReady if the council's bank details are not set.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    bacs_settings = BacsSettings.load()
    # One producer at a time: the settings row is the queue's lock.
    bacs_settings = BacsSettings.objects.select_for_update().get(pk=bacs_settings.pk)
    _check_settings(bacs_settings)
    outcome = Outcome(activated=activate_accepted(today))

    locked = Instruction.objects.select_for_update(of=("self",)).order_by("pk")
    pending = locked.filter(status=InstructionStatus.PENDING)
    work = [(instruction, TransactionCode.NEW) for instruction in pending]
    cancelling = locked.awaiting_cancellation()
    work += [(instruction, TransactionCode.CANCEL) for instruction in cancelling]

    by_service_user = {}
    for instruction, code in work:
        originator = originator_for(instruction, bacs_settings)
        record = _record(instruction, code)
        try:
            check_record(record, originator)
        except Standard18Error as error:
            outcome.left_out.append((instruction.reference, str(error)))
            continue
        # One file per service user number, named as the first page with that number names it.
        originator, items = by_service_user.setdefault(originator.sun, (originator, []))
        items.append((instruction, record))

    for originator, items in by_service_user.values():
        serial = _next_serial()
        written = write_file(
            [record for _instruction, record in items],
            originator=originator,
            processing_date=processing_date(today),
            serial=serial,
            created=today,
        )
        auddis_file = AuddisFile.objects.create(
            serial=serial,
            service_user_number=originator.sun,
            processing_date=processing_date(today),
            created_at=now,
            created_by=user,
            content=written.text,
            new_count=written.new_count,
            cancel_count=written.cancel_count,
        )
        for instruction, record in items:
            AuddisEntry.objects.create(
                file=auddis_file, instruction=instruction, transaction_code=record.transaction_code
            )
            to = (
                InstructionStatus.LODGED
                if record.transaction_code == TransactionCode.NEW
                else InstructionStatus.CANCELLED
            )
            instruction.change_status(
                to, by=user, reason=gettext("In AUDDIS file %(serial)s.") % {"serial": serial}
            )
        outcome.files.append(auddis_file)
    return outcome


def _accepted_since(today):
    """The latest processing date whose lodged instructions count as accepted today."""
    day = today
    counted = 0
    while counted < ACCEPTED_AFTER_WORKING_DAYS:
        day -= datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


@transaction.atomic
def activate_accepted(today=None):
    """Lodged instructions whose latest 0N went to the bank long enough ago with no rejection
    become active. The payer's bank reports only the ones it rejects, on the AUDDIS report within
    a few working days of processing; after ACCEPTED_AFTER_WORKING_DAYS none can still come.
    Returns how many became active."""
    today = today or timezone.localdate()
    cutoff = _accepted_since(today)
    activated = 0
    lodged = Instruction.objects.select_for_update(of=("self",)).filter(
        status=InstructionStatus.LODGED
    )
    for instruction in lodged.order_by("pk"):
        latest = (
            instruction.auddis_entries.filter(transaction_code=TransactionCode.NEW)
            .order_by("-file__serial")
            .values_list("file__processing_date", flat=True)
            .first()
        )
        if latest is not None and latest <= cutoff:
            instruction.change_status(
                InstructionStatus.ACTIVE,
                reason=gettext("No rejection from the payer's bank."),
            )
            activated += 1
    return activated
