from django.db import models
from django.utils.translation import gettext_lazy as _


class InstructionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent to the bank")
    LODGED = "lodged", _("Sent to the bank")
    ACTIVE = "active", _("Active")
    REJECTED = "rejected", _("Rejected by the bank")
    CANCELLED = "cancelled", _("Cancelled")


# Instructions the bank knows about: cancelling one means telling the bank (a 0C record).
AT_THE_BANK = frozenset({InstructionStatus.LODGED, InstructionStatus.ACTIVE})

# Where an instruction may go from each status. Pending ones wait for the next AUDDIS file; the
# bank's reports move them on. An account moved to another bank (report code 3) or a rejected
# instruction put right goes back to pending to be lodged again; a cancelled one comes back only
# when the bank reinstates it (ADDACS code R).
TRANSITIONS = {
    InstructionStatus.PENDING: {
        InstructionStatus.LODGED,
        InstructionStatus.REJECTED,
        InstructionStatus.CANCELLED,
    },
    InstructionStatus.LODGED: {
        InstructionStatus.ACTIVE,
        InstructionStatus.PENDING,
        InstructionStatus.REJECTED,
        InstructionStatus.CANCELLED,
    },
    InstructionStatus.ACTIVE: {InstructionStatus.PENDING, InstructionStatus.CANCELLED},
    InstructionStatus.REJECTED: {InstructionStatus.PENDING, InstructionStatus.CANCELLED},
    InstructionStatus.CANCELLED: {InstructionStatus.ACTIVE},
}


class ReferenceFormat(models.TextChoices):
    DIGITS = "digits", _("A number of digits")
    PATTERN = "pattern", _("A pattern")
