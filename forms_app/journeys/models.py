"""Journeys: online forms residents complete one page at a time, and what they send.

A journey page (pages.py) sits under the service page whose "Start now" button opens it.
Residents answer one page at a time (progress lives in their session), check their answers, and
submit once: the Submission gets a reference and is handed to casework in the same transaction
(submit.py). The answers it carries are typed rows (answers.py).
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .answers import Answers
from .enums import DEFAULT_RETENTION_DAYS


class Submission(models.Model):
    """A completed journey: what the resident answered, as they saw it, and its reference."""

    reference = models.CharField(_("reference"), max_length=8, unique=True)
    # The resident's journey token: a replayed or double-clicked submit finds this row again.
    token = models.UUIDField(unique=True, editable=False)
    # Any journey page type (online form, Direct Debit, booking): all are pages.
    journey = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="journey_submissions",
    )
    journey_title = models.CharField(_("form"), max_length=255)
    answers = models.JSONField(
        _("answers"),
        help_text=_("Each answer with its question as the resident saw it, in order."),
    )
    language = models.CharField(_("language"), max_length=10)
    retention_days = models.PositiveIntegerField(default=DEFAULT_RETENTION_DAYS)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        permissions = [
            (
                "assist_residents",
                "Can complete online forms on a resident's behalf (assisted digital)",
            )
        ]

    def __str__(self):
        return f"{self.journey_title} {self.reference}"

    def get_answers(self):
        return Answers.from_json(self.answers)


class SavedProgress(models.Model):
    """Answers saved by 'Save and come back later', found again through a signed link.

    The email address the link went to is not kept.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    journey = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("saved form")


# Page types live in pages.py; Django finds an app's models through its models module.
from .pages import AbstractJourneyPage, JourneyPage  # noqa: E402

__all__ = ["AbstractJourneyPage", "JourneyPage", "SavedProgress", "Submission"]
