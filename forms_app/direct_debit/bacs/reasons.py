"""The reason codes AUDDIS and ADDACS reports carry, and what each does to an instruction.

From the reference's table (shared/reference/direct-debit.md). `then_lodge` says which AUDDIS
records may follow: a code the bank has already acted on must not produce a 0C, and codes 3, C
and R must not produce the 0C/0N pair an amendment otherwise needs (3 is lodged again with a 0N
only; C and R send nothing back).
"""

import dataclasses

from django.utils.translation import gettext_lazy as _

from .enums import ReasonAction, ReportType, TransactionCode

AUDDIS = frozenset({ReportType.AUDDIS})
ADDACS = frozenset({ReportType.ADDACS})
BOTH = AUDDIS | ADDACS


@dataclasses.dataclass(frozen=True)
class Reason:
    code: str
    reports: frozenset
    meaning: str
    action: ReasonAction
    then_lodge: frozenset = frozenset()

    @property
    def sends_nothing_back(self):
        return not self.then_lodge


def _rejected(code, meaning):
    return Reason(code, AUDDIS, meaning, ReasonAction.REJECT)


REASONS = {
    reason.code: reason
    for reason in [
        Reason("0", ADDACS, _("Instruction cancelled, refer to payer"), ReasonAction.CANCEL),
        Reason("1", BOTH, _("Instruction cancelled by payer"), ReasonAction.CANCEL),
        Reason("2", BOTH, _("Payer deceased"), ReasonAction.CANCEL),
        Reason(
            "3",
            BOTH,
            _("Account transferred to a new bank"),
            ReasonAction.NEW_DETAILS_RELODGE,
            then_lodge=frozenset({TransactionCode.NEW}),
        ),
        _rejected("5", _("No account")),
        _rejected("6", _("No instruction")),
        Reason("B", BOTH, _("Account closed"), ReasonAction.CANCEL),
        Reason("C", BOTH, _("Account transferred to another branch"), ReasonAction.NEW_DETAILS),
        Reason("E", ADDACS, _("Instruction amended"), ReasonAction.NEW_DETAILS),
        _rejected("F", _("Invalid account type")),
        _rejected("G", _("Bank will not accept Direct Debits on the account")),
        _rejected("H", _("Instruction has expired")),
        _rejected("I", _("Payer reference is not unique")),
        _rejected("K", _("Instruction cancelled by the paying bank")),
        _rejected("L", _("Incorrect payer's account details")),
        _rejected("M", _("Transaction code incompatible with the account")),
        _rejected("N", _("Transaction disallowed at the payer's branch")),
        _rejected("O", _("Invalid reference")),
        _rejected("P", _("Payer's name not present")),
        _rejected("Q", _("Service user's name blank")),
        Reason("R", ADDACS, _("Instruction reinstated"), ReasonAction.REINSTATE),
    ]
}


def reason_for(code):
    """The reason for a code as a report spells it, or None for a code we do not know."""
    return REASONS.get((code or "").strip().upper())
