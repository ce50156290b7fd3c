import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to send")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not sent")


class NotificationKind(models.TextChoices):
    RECEIVED = "received", _("Case received")
    MESSAGE = "message", _("Message from staff")
    RESOLVED = "resolved", _("Case resolved")
    WAITING = "waiting", _("Waiting for the resident")
    TEAM_NEW_CASE = "team_new_case", _("New case (to the team)")


# Wait after the 1st, 2nd, ... failed attempt. A message that fails MAX_ATTEMPTS times is given up.
RETRY_BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
)
MAX_ATTEMPTS = len(RETRY_BACKOFF) + 1

# A sender claims a message for this long; if it dies mid-send the message is tried again after it.
CLAIM_LEASE = datetime.timedelta(minutes=15)
