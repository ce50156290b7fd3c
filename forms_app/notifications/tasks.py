"""Background work for notifications, run by the TASKS backend (`db_worker` in production)."""

from django_tasks import task

from . import outbox


@task()
def send_notification(notification_id):
    """Send one queued notification (enqueued when the case change commits)."""
    return outbox.deliver(notification_id)


@task()
def send_due_notifications():
    """Retry every pending notification whose next attempt is due. Run it every minute or so."""
    return outbox.send_due()
