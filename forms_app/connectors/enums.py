from django.db import models
from django.utils.translation import gettext_lazy as _

from forms_app.outbox.models import OutboxStatus


class DeliveryStatus(models.TextChoices):
    """The outbox's states, in the words administrators read on the deliveries list."""

    PENDING = OutboxStatus.PENDING.value, _("Pending")
    # Stored as the outbox's "sent", as notifications are; administrators read "Delivered".
    DELIVERED = OutboxStatus.SENT.value, _("Delivered")
    FAILED = OutboxStatus.FAILED.value, _("Failed")
    CANCELLED = OutboxStatus.CANCELLED.value, _("Cancelled")


class WebhookEvent(models.TextChoices):
    CASE_CREATED = "case.created", _("Case created")
    CASE_UPDATED = "case.updated", _("Case updated")
    CASE_ANONYMISED = "case.anonymised", _("Personal details removed")
