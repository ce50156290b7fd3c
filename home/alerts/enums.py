from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertLevel(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency")
    WARNING = "warning", _("Warning")
    INFORMATION = "information", _("Information")


# Banners are stacked in this order, so a resident reads the most urgent first.
MOST_SEVERE_FIRST = (AlertLevel.EMERGENCY, AlertLevel.WARNING, AlertLevel.INFORMATION)

# An emergency must stay in front of every resident for as long as it runs, so it cannot be hidden.
HIDEABLE_LEVELS = frozenset({AlertLevel.WARNING, AlertLevel.INFORMATION})
