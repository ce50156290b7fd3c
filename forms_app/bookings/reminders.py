"""Reminders: an email and/or text (as the resident gave) some hours before the appointment.

How it works, and why this way rather than a message scheduled in the outbox when the booking is
made:

- `send_due_reminders` runs every few minutes (`manage.py send_booking_reminders` from cron, or
  the `send_booking_reminders` task). It looks at the bookings themselves: still BOOKED, no
  reminder yet, starting within `BOOKING_REMINDER_HOURS` (default 24) but not yet started.
  Because it reads the booking as it is at that moment, nothing has to be withdrawn when plans
  change: a **cancelled** booking is not BOOKED, and a **moved** one is MOVED, so neither is ever
  reminded; the booking that replaced a moved one is a new row with no reminder yet, so it is
  reminded once for its **new time**.
- **Never twice**: each reminder is claimed with one conditional UPDATE,
  ``SET reminder_sent_at = now WHERE id = … AND reminder_sent_at IS NULL AND status = 'booked'
  AND starts_at > now``, and the messages are queued in the outbox in the same transaction. Two
  runs at once both try the UPDATE; the database lets one change the row and the other, after
  waiting for it, changes none and queues nothing. The outbox then sends each message once.
  If queueing fails, the claim rolls back with it and the next run tries again.
- **Skipped when its time has passed**: a booking made less than the offset before its time (3
  hours before, say) gets no reminder: its confirmation has just told them. A reminder whose
  time passed while nothing ran (workers down) is still sent late if the appointment has not
  started, and never once it has. The wording names the date and time, never "tomorrow".
- The text is written when it is queued, in the language the resident booked in, with fresh
  signed change and cancel links (a message scheduled at booking could carry links older than
  they last). If the booking is cancelled or moved in the moment between queueing and sending,
  the pending reminder is withdrawn (`withdraw_reminders`).
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from forms_app.notifications.outbox import cancel_pending

from .enums import BookingStatus
from .models import Booking
from .notifications import REMINDER, queue_reminder

# Bookings reminded per run, so one run ends well before the next starts.
BATCH = 500


def reminder_offset():
    return dt.timedelta(hours=settings.BOOKING_REMINDER_HOURS)


def _remindable(now):
    return Booking.objects.filter(
        status=BookingStatus.BOOKED,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        case__isnull=False,
    )


def due_reminders(now=None):
    """Bookings whose reminder is due at `now` and not yet sent, soonest first."""
    now = now or timezone.now()
    offset = reminder_offset()
    return (
        _remindable(now)
        .filter(starts_at__lte=now + offset, created_at__lte=F("starts_at") - offset)
        .order_by("starts_at", "pk")
    )


def remind(booking_id, now=None):
    """Claim and queue one booking's reminder; returns the notifications queued ([] if it was not
    this run's to send: already reminded, cancelled, moved or started)."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = _remindable(now).filter(pk=booking_id).update(reminder_sent_at=now)
        if not claimed:
            return []
        booking = Booking.objects.select_related("appointment_type", "location", "case").get(
            pk=booking_id
        )
        return queue_reminder(booking)


def send_due_reminders(now=None, batch=BATCH):
    """Queue every reminder due at `now`; returns how many bookings were reminded."""
    now = now or timezone.now()
    reminded = 0
    for pk in list(due_reminders(now).values_list("pk", flat=True)[:batch]):
        if remind(pk, now):
            reminded += 1
    return reminded


def withdraw_reminders(booking):
    """A reminder queued but not yet sent for a booking now cancelled or moved never goes."""
    if booking.case_id is None:
        return 0
    return cancel_pending(booking.case, kind=REMINDER.value)
