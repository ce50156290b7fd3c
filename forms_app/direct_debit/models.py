"""Direct Debit: the paperless instruction a resident gives the council, and its life at the bank.

An instruction belongs to the case its sign-up made. Its bank details are encrypted at rest and
shown anywhere but the sign-up itself only masked ("Ending 78"). Its status changes only through
`change_status`, which follows the table in `enums.TRANSITIONS` and records every change on the
case, in its history and in the audit log.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from forms_app.cases.enums import Channel, UpdateKind
from forms_app.cases.models import Case

from .enums import AT_THE_BANK, TRANSITIONS, InstructionStatus
from .fields import EncryptedCharField
from .masking import ending
from .references import new_reference


class InstructionQuerySet(models.QuerySet):
    def for_user(self, user):
        """Staff see the instructions of the cases they may see."""
        return self.filter(case__in=Case.objects.for_user(user))

    def awaiting_cancellation(self):
        """Instructions the bank must be told are cancelled (a 0C in the next AUDDIS file)."""
        return self.filter(cancel_requested_at__isnull=False, status__in=AT_THE_BANK)


class Instruction(models.Model):
    reference = models.CharField(
        _("instruction reference"), max_length=18, unique=True, default=new_reference
    )
    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="direct_debit_instruction"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Direct Debit page"),
    )
    payer_name = models.CharField(_("payer's name"), max_length=255)
    payer_address = models.TextField(_("payer's address"), blank=True)
    payer_email = models.EmailField(_("payer's email"), max_length=320, blank=True)
    account_reference = models.CharField(_("account reference"), max_length=100, blank=True)
    payment_day = models.CharField(_("payment day"), max_length=50, blank=True)
    account_name = models.CharField(_("name on the account"), max_length=255)
    sort_code = EncryptedCharField(_("sort code"), blank=True)
    account_number = EncryptedCharField(_("account number"), blank=True)
    # The modulus check's verdict as the checker gave it ("valid", "not_checkable", ...); blank
    # means it was never checked.
    modulus_verdict = models.CharField(_("bank details check"), max_length=20, blank=True)
    modulus_rule = models.CharField(_("check rule"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InstructionStatus.choices,
        default=InstructionStatus.PENDING,
        db_index=True,
    )
    cancel_requested_at = models.DateTimeField(_("cancellation requested"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    confirmed_channel = models.CharField(
        _("confirmed by"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("member of staff who helped"),
    )
    confirmed_ip = models.GenericIPAddressField(_("confirmed from"), null=True, blank=True)
    guarantee_read_aloud = models.BooleanField(_("Guarantee read to the payer"), default=False)
    first_collection_date = models.DateField(_("earliest first collection"), null=True, blank=True)
    bank_details_removed_at = models.DateTimeField(_("bank details removed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InstructionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("Direct Debit instruction")

    def __str__(self):
        return self.reference

    @property
    def masked_sort_code(self):
        return ending(self.sort_code)

    @property
    def masked_account_number(self):
        return ending(self.account_number)

    def allowed_transitions(self):
        return [
            InstructionStatus(status)
            for status in InstructionStatus.values
            if status in TRANSITIONS[self.status]
        ]

    @transaction.atomic
    def change_status(self, to, *, by=None, reason=""):
        """The one way an instruction's status changes: checks the table, saves, and records
        the change on the case (its history and the audit log)."""
        to = InstructionStatus(to)
        if to not in TRANSITIONS[self.status]:
            raise ValidationError(
                _("A Direct Debit instruction that is %(current)s cannot become %(new)s.")
                % {
                    "current": InstructionStatus(self.status).label.lower(),
                    "new": to.label.lower(),
                }
            )
        previous = self.status
        self.status = to
        fields = ["status", "updated_at"]
        if to == InstructionStatus.CANCELLED or to == InstructionStatus.ACTIVE:
            # Cancelled (or reinstated) at the bank: nothing left to tell it.
            self.cancel_requested_at = None
            fields.append("cancel_requested_at")
        self.save(update_fields=fields)
        text = gettext("Direct Debit instruction %(reference)s: %(from)s to %(to)s.") % {
            "reference": self.reference,
            "from": InstructionStatus(previous).label.lower(),
            "to": to.label.lower(),
        }
        self._record(text, reason, by)
        log(
            self.case,
            "direct_debit.status",
            user=by,
            data={"reference": self.reference, "from": previous, "to": to.value},
        )

    @transaction.atomic
    def request_cancellation(self, *, by=None, reason=""):
        """Cancel on the payer's (or the council's) word. One the bank has never seen is cancelled
        at once; one it holds is marked to go to the bank as a cancellation in the next file."""
        if self.status == InstructionStatus.PENDING:
            self.change_status(InstructionStatus.CANCELLED, by=by, reason=reason)
            return
        if self.status not in AT_THE_BANK:
            raise ValidationError(
                _("A Direct Debit instruction that is %(current)s cannot be cancelled.")
                % {"current": InstructionStatus(self.status).label.lower()}
            )
        if self.cancel_requested_at:
            return
        self.cancel_requested_at = timezone.now()
        self.save(update_fields=["cancel_requested_at", "updated_at"])
        text = gettext(
            "Direct Debit instruction %(reference)s: cancellation requested; the bank will be "
            "told in the next file."
        ) % {"reference": self.reference}
        self._record(text, reason, by)
        log(
            self.case,
            "direct_debit.cancel_requested",
            user=by,
            data={"reference": self.reference},
        )

    @transaction.atomic
    def replace_bank_details(self, sort_code, account_number, *, by=None, reason=""):
        """New details from the bank (report codes 3 and C: the account moved). Whether the
        instruction must be lodged again is the caller's to say, through `change_status`."""
        self.sort_code = sort_code
        self.account_number = account_number
        self.bank_details_removed_at = None
        self.save(
            update_fields=["sort_code", "account_number", "bank_details_removed_at", "updated_at"]
        )
        text = gettext(
            "Direct Debit instruction %(reference)s: bank details replaced (account %(masked)s)."
        ) % {"reference": self.reference, "masked": self.masked_account_number}
        self._record(text, reason, by)
        log(
            self.case,
            "direct_debit.bank_details",
            user=by,
            data={"reference": self.reference},
        )

    def _record(self, text, reason, by):
        if reason:
            text = f"{text} {reason}"
        self.case.updates.create(kind=UpdateKind.NOTE, author=by, text=text)


# The sign-up page type lives in its own module; Django finds models through this one.
from .pages import DirectDebitPage  # noqa: E402, F401
