from django.db import models
from django.utils.translation import gettext_lazy as _


class TransactionCode(models.TextChoices):
    """AUDDIS transaction codes: what a record in the file asks the payer's bank to do."""

    NEW = "0N", _("New instruction (0N)")
    CANCEL = "0C", _("Cancellation (0C)")
    CONVERT = "0S", _("Conversion of a paper instruction (0S)")


class ReportType(models.TextChoices):
    """The reports the bank sends back."""

    AUDDIS = "AUDDIS", _("AUDDIS (instructions the payer's bank rejected)")
    ADDACS = "ADDACS", _("ADDACS (changes the payer or their bank made)")


class ReasonAction(models.TextChoices):
    """What a reason code does to an instruction."""

    CANCEL = "cancel", _("Cancel the instruction")
    REJECT = "reject", _("Reject the instruction")
    # New details, and the instruction is lodged again with a 0N (no 0C first).
    NEW_DETAILS_RELODGE = "new_details_relodge", _("Apply the new bank details and lodge again")
    # New details the payer's bank already holds: nothing goes back to the bank.
    NEW_DETAILS = "new_details", _("Apply the new bank details")
    REINSTATE = "reinstate", _("Make the instruction active again")
    # An amendment whose content the report does not carry in a form we can apply: staff act.
    REFER = "refer", _("Refer to staff")


class LineOutcome(models.TextChoices):
    """What importing one line of a report did."""

    APPLIED = "applied", _("Applied")
    ALREADY_APPLIED = "already_applied", _("Already applied by an earlier import")
    NOT_APPLIED = "not_applied", _("Not applied")
