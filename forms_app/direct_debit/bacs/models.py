"""Bacs files: what the council sends its bank and what the bank sends back.

Revenues staff produce AUDDIS files (Standard 18) of new instructions (0N) and cancellations (0C);
every file is kept, with which instruction went in it as what, and can be downloaded again. They
import the bank's AUDDIS and ADDACS reports, whose reason codes move instructions on; each report
is kept with what each of its lines did, and the same report never applies twice.

Files hold whole account numbers (the bank needs them), so their text is encrypted at rest like
the instructions' bank details, and only staff with `bacs.produce_auddis_file` see them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from forms_app.direct_debit.fields import EncryptedCharField

from .enums import LineOutcome, ReportType, TransactionCode

PRODUCE_PERMISSION = "bacs.produce_auddis_file"


@register_setting(icon="table")
class BacsSettings(BaseGenericSetting):
    """The council's own bank account and, for pages that set none, its service user."""

    originating_sort_code = models.CharField(
        _("council's sort code"),
        max_length=8,
        blank=True,
        help_text=_("The sort code of the account Direct Debits are paid into, e.g. 20-00-00."),
    )
    originating_account_number = models.CharField(
        _("council's account number"),
        max_length=8,
        blank=True,
        help_text=_("The 8-digit number of the account Direct Debits are paid into."),
    )
    default_service_user_number = models.CharField(
        _("service user number (SUN)"),
        max_length=6,
        blank=True,
        help_text=_(
            "Optional. Used for Direct Debit pages that do not give their own: the 6-digit "
            "number the sponsoring bank gave the council."
        ),
    )
    default_service_user_name = models.CharField(
        _("service user name"),
        max_length=18,
        blank=True,
        help_text=_("Optional. The name that goes with that number, at most 18 characters."),
    )

    panels = [
        HelpPanel(
            content=_(
                "What AUDDIS files sent to the bank say about the council. Ask the sponsoring "
                "bank if you are unsure."
            )
        ),
        FieldPanel("originating_sort_code"),
        FieldPanel("originating_account_number"),
        FieldPanel("default_service_user_number"),
        FieldPanel("default_service_user_name"),
    ]

    class Meta:
        verbose_name = _("Bacs files")


class AuddisFile(models.Model):
    """One AUDDIS file as produced: its text exactly as the bank gets it, and what it holds."""

    serial = models.PositiveIntegerField(_("file number"), unique=True)
    service_user_number = models.CharField(_("service user number"), max_length=6)
    processing_date = models.DateField(_("processing date"))
    created_at = models.DateTimeField(_("produced"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("produced by"),
    )
    content = EncryptedCharField(_("file"))
    new_count = models.PositiveIntegerField(_("new instructions (0N)"), default=0)
    cancel_count = models.PositiveIntegerField(_("cancellations (0C)"), default=0)

    class Meta:
        ordering = ["-serial"]
        verbose_name = _("AUDDIS file")
        permissions = [
            ("produce_auddis_file", "Can produce AUDDIS files and import Bacs reports"),
        ]

    def __str__(self):
        return f"AUDDIS {self.serial:06d}"

    @property
    def filename(self):
        return f"auddis-{self.service_user_number}-{self.serial:06d}.txt"


class AuddisEntry(models.Model):
    """An instruction in a file, and as what (0N or 0C)."""

    file = models.ForeignKey(AuddisFile, on_delete=models.CASCADE, related_name="entries")
    instruction = models.ForeignKey(
        "direct_debit.Instruction", on_delete=models.PROTECT, related_name="auddis_entries"
    )
    transaction_code = models.CharField(
        _("transaction code"), max_length=2, choices=TransactionCode.choices
    )

    class Meta:
        ordering = ["file", "pk"]
        verbose_name = _("AUDDIS record")
        constraints = [
            # Belt and braces under the row locks: never twice in one file.
            models.UniqueConstraint(fields=["file", "instruction"], name="once_in_a_file"),
        ]


class BankReport(models.Model):
    """A report file imported, kept by its fingerprint so the same file never applies twice."""

    digest = models.CharField(max_length=64, unique=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("bank report")

    def __str__(self):
        return self.filename or f"report {self.pk}"

    def count(self, outcome):
        return sum(1 for line in self.lines.all() if line.outcome == outcome)


class BankReportLine(models.Model):
    """One advice in a report and what importing it did. `advice_key` is the advice itself
    (report, date, reference, code): one already applied by another file is not applied again."""

    report = models.ForeignKey(BankReport, on_delete=models.CASCADE, related_name="lines")
    number = models.PositiveIntegerField(_("line"))
    text = models.TextField(_("as the report has it"))  # account numbers masked
    report_type = models.CharField(
        _("report"), max_length=10, choices=ReportType.choices, blank=True
    )
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    reason_code = models.CharField(_("reason code"), max_length=5, blank=True)
    advice_key = models.CharField(max_length=200, blank=True, db_index=True)
    instruction = models.ForeignKey(
        "direct_debit.Instruction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bank_report_lines",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=LineOutcome.choices)
    message = models.TextField(_("what happened"), blank=True)

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("bank report line")
