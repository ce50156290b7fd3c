"""Background work for notifications, run by the TASKS backend (`db_worker` in production).

The claim, send and record cycle is the outbox's (forms_app/outbox/dispatch.py); this module
binds it to notifications: their model, their sender and the task that retries them.
"""

from django_tasks import task

from forms_app.outbox import dispatch

from .models import Notification
from .senders import send

SWEEP_BATCH = 500


@task()
def send_notification(notification_id):
    """Send one queued notification (enqueued when the case change commits, or for a retry)."""
    return deliver(notification_id)


@task()
def send_due_notifications():
    """Send every notification whose time has come. Run it every minute or so."""
    return send_due()


def deliver(notification_id, now=None):
    """Make one attempt at a due notification; returns its status, or None if not ours to send."""
    return dispatch.attempt(Notification, notification_id, send, task=send_notification, now=now)


def send_due(now=None):
    """Attempt every pending notification whose time has come; counts by resulting status."""
    return dispatch.sweep(Notification, send, task=send_notification, now=now, batch=SWEEP_BATCH)
