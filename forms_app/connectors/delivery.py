"""Queueing, signing and sending webhook deliveries, and retrying the ones that failed.

A delivery is queued in the transaction that changed its case and sent once that transaction has
committed, by a background task; the receiver being slow or down never holds up or undoes the
change. Failed sends wait RETRY_DELAYS between attempts and are picked up by `deliver_due`, which
`manage.py deliver_due_webhooks` (or the task of the same name) runs every minute or so.
"""

import datetime
import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import requests

from .enums import MAX_ATTEMPTS, RETRY_DELAYS, DeliveryStatus, WebhookEvent
from .models import LAST_ERROR_MAX_LENGTH, WebhookDelivery
from .payloads import case_payload

logger = logging.getLogger(__name__)

# Connect, read (seconds): a receiver that cannot answer in this long is treated as down.
TIMEOUT = (5, 10)
# A claimed delivery is left alone by other workers for this long, well beyond TIMEOUT.
CLAIM_LEASE = datetime.timedelta(minutes=5)
# Payloads of finished deliveries are cleared after this long (and as soon as the case is
# anonymised): by then the receiver has them or never will.
KEEP_PAYLOADS_FOR = datetime.timedelta(days=30)
# Deliveries attempted per sweep: with a receiver down, each may take the whole TIMEOUT.
SWEEP_BATCH = 100

SIGNATURE_HEADER = "X-Townhall-Signature"


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
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: enqueue_attempt(delivery.pk))
    return delivery


def enqueue_attempt(delivery_id, run_after=None):
    """Hand a delivery to the task queue, now or at `run_after`.

    If the backend cannot defer (dev and tests) or the hand-over fails, the row stays pending and
    the next `deliver_due` sweep sends it; an error here never reaches the code that changed the
    case, whose change is already saved.
    """
    from .tasks import deliver_webhook

    task = deliver_webhook
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=run_after)
    try:
        task.enqueue(delivery_id)
    except Exception:
        logger.exception("Could not enqueue webhook delivery %s", delivery_id)


def body_for(payload):
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def signature_for(body, key):
    """The X-Townhall-Signature value: receivers recompute it over the raw body to compare."""
    digest = hmac.new(key.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _claim(delivery_id, now):
    """Take a due delivery for this worker; False if it is not due or another worker has it."""
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM_LEASE)
    return claimed == 1


def _give_up(delivery, reason, now):
    delivery.status = DeliveryStatus.FAILED
    delivery.last_error = reason[:LAST_ERROR_MAX_LENGTH]
    delivery.next_attempt_at = None
    delivery.last_attempt_at = now
    delivery.save(update_fields=["status", "last_error", "next_attempt_at", "last_attempt_at"])
    logger.warning("Webhook delivery %s for %s failed: %s", delivery.pk, delivery.reference, reason)


def attempt_delivery(delivery_id, now=None):
    """Send one due delivery. Returns its status afterwards, or None if it was not ours to send."""
    now = now or timezone.now()
    if not _claim(delivery_id, now):
        return None
    delivery = WebhookDelivery.objects.select_related("queue").get(pk=delivery_id)
    key = settings.WEBHOOK_SIGNING_KEY
    if not key:
        # Unsigned JSON would let anyone who can reach the receiver forge cases; refuse instead.
        _give_up(
            delivery, "Not sent: WEBHOOK_SIGNING_KEY is not set, so it could not be signed.", now
        )
        return delivery.status
    url = delivery.queue.webhook_url
    if not url:
        _give_up(delivery, "Not sent: the queue no longer has a webhook address.", now)
        return delivery.status
    if delivery.payload is None:
        _give_up(delivery, "Not sent: the case's personal details were removed first.", now)
        return delivery.status

    body = body_for(delivery.payload)
    headers = {
        "Content-Type": "application/json",
        "X-Townhall-Event": delivery.event,
        "X-Townhall-Delivery": str(delivery.pk),
        SIGNATURE_HEADER: signature_for(body, key),
    }
    delivery.attempts += 1
    delivery.last_attempt_at = now
    try:
        # No redirects: the JSON goes to the address staff set, or nowhere.
        response = requests.post(
            url, data=body, headers=headers, timeout=TIMEOUT, allow_redirects=False
        )
    except requests.RequestException as error:
        delivery.response_status_code = None
        error_text = f"{type(error).__name__}: {error}"
    else:
        delivery.response_status_code = response.status_code
        error_text = "" if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"

    if not error_text:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        delivery.last_error = ""
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
        delivery.last_error = f"Gave up after {delivery.attempts} attempts. {error_text}"[
            :LAST_ERROR_MAX_LENGTH
        ]
        logger.warning(
            "Webhook delivery %s for %s failed: %s", delivery.pk, delivery.reference, error_text
        )
    else:
        delivery.next_attempt_at = now + RETRY_DELAYS[delivery.attempts - 1]
        delivery.last_error = error_text[:LAST_ERROR_MAX_LENGTH]
        logger.info(
            "Webhook delivery %s attempt %s failed: %s", delivery.pk, delivery.attempts, error_text
        )
    delivery.save(
        update_fields=[
            "status",
            "attempts",
            "response_status_code",
            "last_error",
            "next_attempt_at",
            "last_attempt_at",
            "delivered_at",
        ]
    )
    if delivery.status == DeliveryStatus.PENDING:
        enqueue_attempt(delivery.pk, run_after=delivery.next_attempt_at)
    return delivery.status


def clear_old_payloads(now):
    """Drop the personal data of deliveries that no longer need it. Returns how many."""
    finished = WebhookDelivery.objects.exclude(status=DeliveryStatus.PENDING).filter(
        last_attempt_at__lt=now - KEEP_PAYLOADS_FOR
    )
    # (The "case.anonymised" delivery itself holds nothing personal, and must still be sent.)
    anonymised = WebhookDelivery.objects.filter(case__anonymised_at__isnull=False).exclude(
        event=WebhookEvent.CASE_ANONYMISED
    )
    return (finished | anonymised).filter(payload__isnull=False).update(payload=None)


def deliver_due(now=None):
    """Send every delivery whose next attempt is due. Returns {status: count} for those sent."""
    now = now or timezone.now()
    counts = {}
    due = WebhookDelivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    for delivery_id in list(due.values_list("pk", flat=True)[:SWEEP_BATCH]):
        status = attempt_delivery(delivery_id, now)
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    clear_old_payloads(now)
    return counts
