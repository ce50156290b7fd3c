"""Bank details of cancelled instructions are removed once kept for the form's retention period.

The daily retention run (forms_app/cases/retention.py) sends `retention_due`; this removes the
sort code, account number and name on the account of every instruction cancelled longer ago than
its Direct Debit page's `retention_days` (the case's, if the page has gone), and sets
`bank_details_removed_at`. The instruction, its reference, status and history stay, and so does
every AUDDIS file already sent (the record of what the bank was told).

When it was cancelled is read from the audit log, where every status change is recorded.

Casework's retention anonymises a closed case once it has been kept long enough. It leaves alone a
case whose instruction is still in force (waiting to be lodged, lodged or active: the bank may yet
collect on it, or be told to cancel it), through the "case_retention_holds" hook. When a case is
anonymised (`case_anonymised`), its instruction, if cancelled or rejected, loses the payer's name,
address, email, account reference, IP address and bank details; its reference, status and history
stay.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.log_actions import log

from forms_app.cases.enums import UpdateKind
from forms_app.cases.models import CaseLogEntry
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction


def retention_days(instruction):
    page = instruction.page.specific if instruction.page_id else None
    days = getattr(page, "retention_days", None)
    return instruction.case.retention_days if days is None else days


def cancelled_at(instruction):
    """When the instruction last became cancelled, as its case's audit log has it."""
    entry = (
        CaseLogEntry.objects.filter(
            object_id=str(instruction.case_id),
            action="direct_debit.status",
            data__reference=instruction.reference,
            data__to=InstructionStatus.CANCELLED.value,
        )
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return entry or instruction.updated_at


def is_due(instruction, now):
    since = cancelled_at(instruction)
    return since + datetime.timedelta(days=retention_days(instruction)) < now


@transaction.atomic
def remove_bank_details(instruction, now=None):
    """Blank one instruction's bank details. Returns False if there was nothing to remove."""
    now = now or timezone.now()
    instruction = Instruction.objects.select_for_update(of=("self",)).get(pk=instruction.pk)
    if instruction.bank_details_removed_at is not None:
        return False
    instruction.sort_code = ""
    instruction.account_number = ""
    instruction.account_name = ""
    instruction.bank_details_removed_at = now
    instruction.save(
        update_fields=[
            "sort_code",
            "account_number",
            "account_name",
            "bank_details_removed_at",
            "updated_at",
        ]
    )
    instruction.case.updates.create(
        kind=UpdateKind.NOTE,
        created_at=now,
        text=gettext(
            "Direct Debit instruction %(reference)s: bank details removed, as it has been "
            "cancelled for longer than they are kept."
        )
        % {"reference": instruction.reference},
    )
    log(
        instruction.case,
        "direct_debit.bank_details_removed",
        user=None,
        timestamp=now,
        data={"reference": instruction.reference},
    )
    return True


# What the bank may still act on: retention keeps such an instruction's case whole.
IN_FORCE = (InstructionStatus.PENDING, InstructionStatus.LODGED, InstructionStatus.ACTIVE)
FINISHED = (InstructionStatus.CANCELLED, InstructionStatus.REJECTED)


def cases_in_force(cases):
    """Of `cases`, those whose Direct Debit instruction is still in force."""
    return cases.filter(direct_debit_instruction__status__in=IN_FORCE)


@transaction.atomic
def forget_payer(case, now=None):
    """The anonymised case's instruction, if finished, keeps nothing that says whose it was.
    Returns False if there is none, or it is still in force (then it is left as it is)."""
    now = now or timezone.now()
    instruction = (
        Instruction.objects.select_for_update(of=("self",))
        .filter(case=case, status__in=FINISHED)
        .first()
    )
    if instruction is None:
        return False
    instruction.payer_name = ""
    instruction.payer_address = ""
    instruction.payer_email = ""
    instruction.account_reference = ""
    instruction.confirmed_ip = None
    instruction.account_name = ""
    instruction.sort_code = ""
    instruction.account_number = ""
    instruction.bank_details_removed_at = instruction.bank_details_removed_at or now
    instruction.save(
        update_fields=[
            "payer_name",
            "payer_address",
            "payer_email",
            "account_reference",
            "confirmed_ip",
            "account_name",
            "sort_code",
            "account_number",
            "bank_details_removed_at",
            "updated_at",
        ]
    )
    log(
        case,
        "direct_debit.anonymised",
        user=None,
        timestamp=now,
        data={"reference": instruction.reference},
    )
    return True


def remove_expired_bank_details(now=None):
    """Remove the bank details of every instruction cancelled past its retention period.
    Returns how many were removed."""
    now = now or timezone.now()
    candidates = Instruction.objects.filter(
        status=InstructionStatus.CANCELLED, bank_details_removed_at__isnull=True
    ).select_related("case")
    return sum(
        remove_bank_details(instruction, now)
        for instruction in candidates.order_by("pk")
        if is_due(instruction, now)
    )
