from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    """Why a page is in the content review report, most urgent first."""

    OVERDUE = "overdue", _("Overdue")
    FLAGGED = "flagged", _("Flagged by feedback")
    NEVER_REVIEWED = "never_reviewed", _("Never reviewed")
    DUE_SOON = "due_soon", _("Due soon")


# The order a report lists pages in: the first status a page has decides its place.
URGENCY = {status: rank for rank, status in enumerate(ReviewStatus)}
