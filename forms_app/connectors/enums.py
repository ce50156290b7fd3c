from django.db import models
from django.utils.translation import gettext_lazy as _

from townhall.backoff import MAX_ATTEMPTS, RETRY_DELAYS  # noqa: F401 (re-exported)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookEvent(models.TextChoices):
    CASE_CREATED = "case.created", _("Case created")
    CASE_UPDATED = "case.updated", _("Case updated")
    CASE_ANONYMISED = "case.anonymised", _("Personal details removed")
