"""Applying the bank's AUDDIS and ADDACS reports to instructions, as reasons.py says.

Nothing is guessed: a line whose instruction or reason code we do not know, or whose change the
instruction's status does not allow, is recorded as not applied, with why, for staff to deal
with. The same file imported again changes nothing (its fingerprint is kept), and neither does
the same advice arriving in another file (each applied line's advice key is kept).
"""

import dataclasses

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forms_app.direct_debit.enums import AT_THE_BANK, InstructionStatus
from forms_app.direct_debit.models import Instruction

from .enums import LineOutcome, ReasonAction
from .lodging import activate_accepted
from .models import BankReport, BankReportLine
from .reasons import reason_for
from .reports import digest, normalise_reference, parse_report


class AlreadyImported(Exception):
    def __init__(self, report):
        super().__init__(report)
        self.report = report


@dataclasses.dataclass(frozen=True)
class Applied:
    outcome: LineOutcome
    message: str
    instruction: Instruction | None = None


def advice_key(line):
    return "|".join(
        [line.report_type, line.date.isoformat() if line.date else "", line.reference]
        + [line.reason_code]
    )


def _not_applied(message, instruction=None):
    return Applied(LineOutcome.NOT_APPLIED, str(message), instruction)


def _change(instruction, to, *, by, reason):
    if instruction.status == to:
        return Applied(
            LineOutcome.ALREADY_APPLIED,
            gettext("Already %(status)s: nothing to change.")
            % {"status": InstructionStatus(to).label.lower()},
            instruction,
        )
    try:
        instruction.change_status(to, by=by, reason=reason)
    except ValidationError as error:
        return _not_applied(" ".join(error.messages), instruction)
    return Applied(
        LineOutcome.APPLIED,
        gettext("Now %(status)s.") % {"status": InstructionStatus(to).label.lower()},
        instruction,
    )


def _new_details(instruction, line, *, by, reason, relodge):
    if not line.has_new_details:
        return _not_applied(_("The report gives no new sort code and account number."), instruction)
    if len(line.new_sort_code) != 6 or len(line.new_account_number) != 8:
        return _not_applied(
            _("The new sort code must be 6 digits and the account number 8."), instruction
        )
    if instruction.status not in AT_THE_BANK:
        return _not_applied(
            _("The instruction is %(status)s, so its bank details were not changed.")
            % {"status": InstructionStatus(instruction.status).label.lower()},
            instruction,
        )
    instruction.replace_bank_details(
        line.new_sort_code, line.new_account_number, by=by, reason=reason
    )
    if line.new_account_name and line.new_account_name != instruction.account_name:
        instruction.account_name = line.new_account_name
        instruction.save(update_fields=["account_name", "updated_at"])
    if relodge:
        # Code 3: lodged again with a 0N in the next file, and no 0C for the old details.
        instruction.change_status(InstructionStatus.PENDING, by=by, reason=reason)
        return Applied(
            LineOutcome.APPLIED,
            gettext("New bank details applied; the next AUDDIS file lodges it again (0N only)."),
            instruction,
        )
    return Applied(
        LineOutcome.APPLIED,
        gettext("New bank details applied; nothing goes back to the bank."),
        instruction,
    )


def apply_line(line, *, by=None):
    """What one report line does. Call inside a transaction."""
    if line.problem:
        return _not_applied(line.problem)
    reason = reason_for(line.reason_code)
    if reason is None:
        return _not_applied(
            _("Reason code %(code)s is not one we know.") % {"code": line.reason_code}
        )
    if line.report_type not in reason.reports:
        return _not_applied(
            _("Reason code %(code)s does not come on %(report)s reports.")
            % {"code": reason.code, "report": line.report_type}
        )
    instruction = (
        Instruction.objects.select_for_update(of=("self",))
        .filter(reference=normalise_reference(line.reference))
        .first()
    )
    if instruction is None:
        return _not_applied(_("No instruction has this reference."))
    note = gettext("%(report)s report of %(date)s, reason %(code)s: %(meaning)s.") % {
        "report": line.report_type,
        "date": line.date.isoformat(),
        "code": reason.code,
        "meaning": reason.meaning,
    }
    match reason.action:
        case ReasonAction.CANCEL:
            return _change(instruction, InstructionStatus.CANCELLED, by=by, reason=note)
        case ReasonAction.REJECT:
            return _change(instruction, InstructionStatus.REJECTED, by=by, reason=note)
        case ReasonAction.REINSTATE:
            if instruction.bank_details_removed_at is not None:
                # Its bank details went with the retention period after it was cancelled: it
                # cannot be collected on, so it is not made active; staff ask the payer to sign
                # up again.
                return _not_applied(
                    _(
                        "The bank reinstated this instruction, but its bank details were removed "
                        "after it was cancelled, so it stays cancelled. Ask the payer to set up a "
                        "new Direct Debit."
                    ),
                    instruction,
                )
            return _change(instruction, InstructionStatus.ACTIVE, by=by, reason=note)
        case ReasonAction.NEW_DETAILS | ReasonAction.NEW_DETAILS_RELODGE:
            return _new_details(
                instruction,
                line,
                by=by,
                reason=note,
                relodge=reason.action == ReasonAction.NEW_DETAILS_RELODGE,
            )
    return _not_applied(_("This reason code needs a member of staff."), instruction)


def import_report(data, *, filename="", by=None):
    """Import a report file (bytes): returns the BankReport with its lines' outcomes.

    Raises ReportFormatError if the file is not a report, AlreadyImported if this very file was
    imported before (nothing changes then).
    """
    lines = parse_report(data)
    fingerprint = digest(data)
    existing = BankReport.objects.filter(digest=fingerprint).first()
    if existing is not None:
        raise AlreadyImported(existing)
    try:
        with transaction.atomic():
            report = BankReport.objects.create(
                digest=fingerprint, filename=filename, imported_by=by
            )
            for line in lines:
                key = advice_key(line) if not line.problem else ""
                if (
                    key
                    and BankReportLine.objects.filter(
                        advice_key=key, outcome=LineOutcome.APPLIED
                    ).exists()
                ):
                    applied = Applied(
                        LineOutcome.ALREADY_APPLIED,
                        gettext("The same advice was applied from an earlier report."),
                    )
                else:
                    with transaction.atomic():
                        applied = apply_line(line, by=by)
                BankReportLine.objects.create(
                    report=report,
                    number=line.number,
                    text=line.text,
                    report_type=line.report_type,
                    reference=line.reference[:100],
                    reason_code=line.reason_code[:5],
                    advice_key=key,
                    instruction=applied.instruction,
                    outcome=applied.outcome,
                    message=applied.message,
                )
            # After the advices, so a late AUDDIS rejection is applied first: what is still
            # lodged long enough after its file was accepted.
            activate_accepted()
    except IntegrityError:
        # Another member of staff imported the same file at the same moment.
        raise AlreadyImported(BankReport.objects.get(digest=fingerprint)) from None
    return report
