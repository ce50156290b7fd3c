"""Bookings' side of the seam with casework: what happens at the reception desk is noted on the
booking's case (checked in, called in, completed, did not attend).

A reminder queued but not yet sent is withdrawn when the booking is cancelled or moved.

Changes and cancellations are noted by whoever makes them (the resident's link in the journey,
the desk's cancel), each in its own words, so the case never records one change twice.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .case_notes import note_on_case
from .enums import BookingStatus
from .models import Booking
from .reminders import withdraw_reminders
from .signals import booking_moved, booking_status_changed

DESK_STATUSES = frozenset(
    {
        BookingStatus.CHECKED_IN,
        BookingStatus.BEING_SEEN,
        BookingStatus.COMPLETED,
        BookingStatus.NO_SHOW,
    }
)
DESK_NOTE = _("Appointment: %(status)s.")


def note_desk_progress(sender, booking, previous, by=None, reason="", **kwargs):
    if booking.status in DESK_STATUSES:
        # The status in the site's language, as the rest of the note, whoever is signed in.
        with translation.override(settings.LANGUAGE_CODE):
            status = str(BookingStatus(booking.status).label).lower()
        note_on_case(booking, DESK_NOTE, by=by, status=status)


def withdraw_reminder_when_cancelled(sender, booking, previous, **kwargs):
    if booking.status == BookingStatus.CANCELLED:
        withdraw_reminders(booking)


def withdraw_reminder_when_moved(sender, booking, previous_booking, **kwargs):
    # `booking` is the new one, holding the case; its own reminder is queued when due.
    withdraw_reminders(booking)


def register_signal_handlers():
    booking_status_changed.connect(
        note_desk_progress, sender=Booking, dispatch_uid="bookings-note-desk-progress"
    )
    booking_status_changed.connect(
        withdraw_reminder_when_cancelled,
        sender=Booking,
        dispatch_uid="bookings-withdraw-reminder-cancelled",
    )
    booking_moved.connect(
        withdraw_reminder_when_moved,
        sender=Booking,
        dispatch_uid="bookings-withdraw-reminder-moved",
    )
