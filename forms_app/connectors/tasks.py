from django.utils.dateparse import parse_datetime

from django_tasks import task

from . import delivery


@task()
def deliver_webhook(delivery_id):
    """Send one delivery as soon as the change that queued it has committed."""
    return delivery.attempt_delivery(delivery_id)


@task()
def deliver_due_webhooks(now=None):
    """Retry deliveries whose wait is over; `now` is an ISO datetime (task arguments are JSON)."""
    return delivery.deliver_due(parse_datetime(now) if now else None)
