from django.db import models
from django.utils.translation import gettext_lazy as _

from forms_app.outbox.models import OutboxStatus


class NotificationChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")


class NotificationStatus(models.TextChoices):
    """The outbox's states, in the words staff read on the case page and the notifications list."""

    PENDING = OutboxStatus.PENDING.value, _("Waiting to send")
    SENT = OutboxStatus.SENT.value, _("Sent")
    FAILED = OutboxStatus.FAILED.value, _("Not sent")
    CANCELLED = OutboxStatus.CANCELLED.value, _("Cancelled")


class NotificationKind(models.TextChoices):
    """The kinds this app queues about casework; kinds.py registers them, and other apps' kinds."""

    RECEIVED = "received", _("Case received")
    MESSAGE = "message", _("Message from staff")
    RESOLVED = "resolved", _("Case resolved")
    WAITING = "waiting", _("Waiting for the resident")
    TEAM_NEW_CASE = "team_new_case", _("New case (to the team)")
