"""Queueing webhook deliveries with the change to their case.

A delivery is recorded in the transaction that changed its case and sent once that transaction
has committed, by a background task (tasks.py); the receiver being slow or down never holds up or
undoes the change, and neither does a delivery that cannot be recorded or a payload that cannot be
built: the resident's case comes first. Failed sends are retried by `deliver_due_webhooks`.
"""

import logging

from django.db import transaction
from django.utils import timezone

from forms_app.outbox.dispatch import enqueue_after_commit

from . import payloads
from .models import WebhookDelivery
from .tasks import deliver_webhook

logger = logging.getLogger(__name__)


def queue_delivery(case, event, update=None, *, send_at=None):
    """Record that `case` must be sent for `event`; send it once the transaction commits.

    With `send_at`, it is not sent before that time (nothing schedules webhooks yet; the outbox
    lets them). Nothing is recorded for a queue without a webhook address. Never raises: a
    delivery that cannot be recorded is logged, and the change to the case goes ahead.
    """
    queue = case.queue
    if not queue.webhook_url:
        return None
    try:
        with transaction.atomic():
            delivery = WebhookDelivery.objects.create(
                queue=queue,
                case=case,
                reference=case.reference,
                event=event,
                update=update,
                payload=_payload_now(case, event, update),
                next_attempt_at=send_at or timezone.now(),
            )
    except Exception:
        logger.exception("Could not queue a webhook delivery for case %s", case.reference)
        return None
    enqueue_after_commit(delivery, deliver_webhook)
    return delivery


def _payload_now(case, event, update):
    """The JSON as the case is at this change, or None to build it when it is sent."""
    try:
        # A savepoint: a query that fails here must not abort the transaction holding the case.
        with transaction.atomic():
            return payloads.case_payload(case, event, update)
    except Exception:
        logger.exception(
            "Could not build the webhook payload for case %s; it is built when sent",
            case.reference,
        )
        return None
