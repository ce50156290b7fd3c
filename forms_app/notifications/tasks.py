"""Background work for notifications, run by the TASKS backend (`db_worker` in production).

The claim, send and record cycle is the outbox's (forms_app/outbox/dispatch.py); this module
binds it to notifications: their model, their sender and the task that retries them.
"""

from django_tasks import task

from forms_app.outbox import dispatch
from forms_app.outbox.models import OutboxStatus

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
    status = dispatch.attempt(Notification, notification_id, send, task=send_notification, now=now)
    if status in (OutboxStatus.SENT, OutboxStatus.FAILED):
        forget_once_finished(Notification.objects.filter(pk=notification_id))
    return status


def forget_once_finished(notifications):
    """A message about no case (a saved form's link) keeps its address and words only while it
    may still be sent: no case's retention will ever come to remove them."""
    return (
        notifications.filter(case=None, status__in=[OutboxStatus.SENT, OutboxStatus.FAILED])
        .exclude(recipient="")
        .update(recipient="", body="")
    )


def send_due(now=None):
    """Attempt every pending notification whose time has come; counts by resulting status."""
    counts = dispatch.sweep(Notification, send, task=send_notification, now=now, batch=SWEEP_BATCH)
    forget_once_finished(Notification.objects.all())
    return counts
