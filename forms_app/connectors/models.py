"""Connectors: cases sent on to the council's other systems (a CRM, a works ordering system).

A queue with a webhook address has each new case and each change to its cases POSTed there as
signed JSON. Every send is a `WebhookDelivery` row, written in the transaction that changed the
case, so a change is never sent without being saved nor saved without being sent; failed sends are
retried with backoff by `deliver_due_webhooks`, and superusers read the attempts in the admin.

The JSON holds residents' personal data (their answers): send it only to the council's own
systems, over HTTPS.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import DeliveryStatus, WebhookEvent

LAST_ERROR_MAX_LENGTH = 255


class WebhookDelivery(models.Model):
    """One event for one case, to be (or already) POSTed to its queue's webhook address."""

    queue = models.ForeignKey(
        "cases.Queue",
        verbose_name=_("queue"),
        on_delete=models.CASCADE,
        related_name="webhook_deliveries",
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="webhook_deliveries",
    )
    # Kept as text as well, so the row still says which case it was for if the case goes.
    reference = models.CharField(_("case reference"), max_length=8, db_index=True)
    event = models.CharField(_("event"), max_length=30, choices=WebhookEvent.choices)
    # Null once cleared: it holds residents' answers, which do not outlive their case's.
    payload = models.JSONField(_("payload"), null=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status_code = models.PositiveSmallIntegerField(
        _("response code"), null=True, blank=True
    )
    last_error = models.CharField(_("last error"), max_length=LAST_ERROR_MAX_LENGTH, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.reference} {self.event} #{self.pk}"
