"""Queueing webhook deliveries with the change to their case.

A delivery is recorded in the transaction that changed its case and sent once that transaction
has committed, by a background task (tasks.py); the receiver being slow or down never holds up or
undoes the change. Failed sends are retried by `deliver_due_webhooks`.
"""

from forms_app.outbox.dispatch import enqueue_after_commit

from .models import WebhookDelivery
from .payloads import case_payload
from .tasks import deliver_webhook


def queue_delivery(case, event, update=None):
    """Record that `case` must be sent for `event`; send it once the transaction commits.

    Nothing is recorded for a queue without a webhook address.
    """
    queue = case.queue
    if not queue.webhook_url:
        return None
    delivery = WebhookDelivery.objects.create(
        queue=queue,
        case=case,
        reference=case.reference,
        event=event,
        payload=case_payload(case, event, update),
    )
    enqueue_after_commit(delivery, deliver_webhook)
    return delivery
