import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from townhall.backoff import MAX_ATTEMPTS, RETRY_DELAYS  # noqa: F401 (re-exported)


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


# Wait after each failed attempt, shared with webhooks.
RETRY_BACKOFF = RETRY_DELAYS

# A sender claims a message for this long; if it dies mid-send the message is tried again after it.
CLAIM_LEASE = datetime.timedelta(minutes=15)
