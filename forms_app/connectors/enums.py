import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookEvent(models.TextChoices):
    CASE_CREATED = "case.created", _("Case created")
    CASE_UPDATED = "case.updated", _("Case updated")


# How long to wait after each failed attempt before the next one. A receiver that is down for a
# deploy is caught by the first retries; one down for most of a day by the last. After the last
# wait has passed and one more attempt fails, the delivery is given up as failed.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(minutes=120),
    datetime.timedelta(minutes=720),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
