"""Background work for bookings, run by the TASKS backend (`db_worker` in production)."""

from django_tasks import task

from .reminders import send_due_reminders


@task()
def send_booking_reminders():
    """Queue the appointment reminders that are due (reminders.py). Run it every few minutes."""
    return send_due_reminders()
