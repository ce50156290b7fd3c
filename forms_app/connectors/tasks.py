"""Background work for webhook deliveries, run by the TASKS backend (`db_worker` in production).

The claim, send and record cycle is the outbox's (forms_app/outbox/dispatch.py); this module
binds it to webhook deliveries: their model, posting.send and the task that retries them.
"""

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from django_tasks import task

from forms_app.outbox import dispatch

from .models import WebhookDelivery
from .posting import send

# Deliveries attempted per sweep: with a receiver down, each may take the whole posting.TIMEOUT.
SWEEP_BATCH = 100


@task()
def deliver_webhook(delivery_id):
    """Send one delivery as soon as the change that queued it has committed (or for a retry)."""
    return attempt_delivery(delivery_id)


@task()
def deliver_due_webhooks(now=None):
    """Retry deliveries whose wait is over; `now` is an ISO datetime (task arguments are JSON)."""
    return deliver_due(parse_datetime(now) if now else None)


def attempt_delivery(delivery_id, now=None):
    """Send one due delivery. Returns its status afterwards, or None if it was not ours to send."""
    return dispatch.attempt(WebhookDelivery, delivery_id, send, task=deliver_webhook, now=now)


def deliver_due(now=None):
    """Send every delivery whose time has come, then forget payloads no longer needed.

    Returns how many ended in each state ({"pending": to be retried, "sent": ..., "failed": ...}).
    """
    now = now or timezone.now()
    counts = dispatch.sweep(WebhookDelivery, send, task=deliver_webhook, now=now, batch=SWEEP_BATCH)
    WebhookDelivery.objects.clear_old_payloads(now)
    return counts
