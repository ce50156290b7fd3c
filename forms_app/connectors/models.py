"""Connectors: cases sent on to the council's other systems (a CRM, a works ordering system).

A queue with a webhook address has each new case and each change to its cases POSTed there as
signed JSON. Every send is a `WebhookDelivery` row, written in the transaction that changed the
case, so a change is never sent without being saved; failed sends are retried with backoff by
`deliver_due_webhooks`, and superusers read the attempts in the admin. The outbox mechanics are
shared with notifications: see forms_app/outbox/.

The JSON holds residents' personal data (their answers): send it only to the council's own
systems, over HTTPS.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from forms_app.outbox.models import OutboxItem, OutboxQuerySet, OutboxStatus, status_field

from .enums import DeliveryStatus, WebhookEvent

# Payloads of finished deliveries are cleared after this long (and as soon as the case is
# anonymised): by then the receiver has them or never will.
KEEP_PAYLOADS_FOR = datetime.timedelta(days=30)


class WebhookDeliveryQuerySet(OutboxQuerySet):
    def clear_old_payloads(self, now):
        """Drop the personal data of deliveries that no longer need it. Returns how many."""
        finished = self.exclude(status=OutboxStatus.PENDING).filter(
            last_attempt_at__lt=now - KEEP_PAYLOADS_FOR
        )
        # (The "case.anonymised" delivery itself holds nothing personal, and must still be sent.)
        anonymised = self.filter(case__anonymised_at__isnull=False).exclude(
            event=WebhookEvent.CASE_ANONYMISED
        )
        return (finished | anonymised).filter(payload__isnull=False).update(payload=None)


class WebhookDelivery(OutboxItem):
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
    # The change an update event is about, so its payload can still be built when it is sent if
    # building it with the change failed.
    update = models.ForeignKey(
        "cases.CaseUpdate",
        verbose_name=_("case update"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The JSON as it was when the change was made, sent byte for byte on every retry. Null until
    # built (see posting.py), and once cleared: it holds residents' answers, which do not outlive
    # their case's.
    payload = models.JSONField(_("payload"), null=True)
    status = status_field(DeliveryStatus)
    response_status_code = models.PositiveSmallIntegerField(
        _("response code"), null=True, blank=True
    )
    sent_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    # Well beyond posting.TIMEOUT: a receiver that has not answered by then is treated as down.
    claim_lease = datetime.timedelta(minutes=5)
    send_records = ("payload", "response_status_code")

    objects = WebhookDeliveryQuerySet.as_manager()

    class Meta(OutboxItem.Meta):
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.reference} {self.event} #{self.pk}"
