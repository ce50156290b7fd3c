"""Bank account checking: Vocalink's modulus rules as versioned data.

Vocalink revises VALACDOS (sort-code ranges, method, weights, exception) and SCSUBTAB (sort-code
substitutions) several times a year. Each published release is kept as a `ModulusRelease` with its
rows; the current one is the newest whose effective date has come, so a release loaded ahead of its
date takes over on the day without anyone being awake. Releases are never edited: an administrator
loads a newer one with `manage.py load_modulus_data`. The checker itself is in `checker.py`.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import Method


class ModulusReleaseQuerySet(models.QuerySet):
    def effective(self, today=None):
        return self.filter(effective_from__lte=today or timezone.localdate())

    def current(self, today=None):
        """The release in force today: the newest effective one (latest loaded on a tie)."""
        return self.effective(today).order_by("-effective_from", "-loaded_at", "-pk").first()


class ModulusRelease(models.Model):
    version = models.CharField(
        _("version"), max_length=20, unique=True, help_text=_("Vocalink's version, e.g. 8.50")
    )
    effective_from = models.DateField(_("effective from"))
    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now, editable=False)
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where the files came from.")
    )

    objects = ModulusReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from", "-loaded_at"]
        verbose_name = _("modulus checking release")
        verbose_name_plural = _("modulus checking releases")

    def __str__(self):
        return f"VALACDOS {self.version} ({self.effective_from:%d %b %Y})"


class WeightRow(models.Model):
    """One VALACDOS line: a sort-code range, its method, 14 weights and exception code."""

    release = models.ForeignKey(ModulusRelease, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField(
        _("position"), help_text=_("Line number in the file: the first check comes first.")
    )
    sort_code_start = models.CharField(_("first sort code"), max_length=6)
    sort_code_end = models.CharField(_("last sort code"), max_length=6)
    method = models.CharField(_("method"), max_length=5, choices=Method.choices)
    weights = models.JSONField(_("weights"), help_text=_("14 weights, positions u to h."))
    exception = models.PositiveSmallIntegerField(_("exception"), null=True, blank=True)

    class Meta:
        ordering = ["release", "position"]
        constraints = [
            models.UniqueConstraint(fields=["release", "position"], name="modulus_row_position")
        ]
        verbose_name = _("weight row")
        verbose_name_plural = _("weight rows")

    def __str__(self):
        return f"{self.sort_code_start}-{self.sort_code_end} {self.method}"


class SortCodeSubstitution(models.Model):
    """One SCSUBTAB line: exception 5 checks `sort_code` as if it were `substitute`."""

    release = models.ForeignKey(
        ModulusRelease, on_delete=models.CASCADE, related_name="substitutions"
    )
    sort_code = models.CharField(_("sort code"), max_length=6)
    substitute = models.CharField(_("substitute with"), max_length=6)

    class Meta:
        ordering = ["release", "sort_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "sort_code"], name="modulus_substitution_once"
            )
        ]
        verbose_name = _("sort code substitution")
        verbose_name_plural = _("sort code substitutions")

    def __str__(self):
        return f"{self.sort_code} → {self.substitute}"
