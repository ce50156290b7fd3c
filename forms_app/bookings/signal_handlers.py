"""Bookings' side of the seam with casework: every change to a booking is noted on its case.

One place for it, whichever path changed the booking (the resident's link, the reception desk,
staff booking on a resident's behalf), so the case history is complete and never doubled.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext

from forms_app.cases.enums import UpdateKind
from forms_app.cases.signals import case_updated

from .enums import BookingStatus
from .models import Booking
from .signals import booking_moved, booking_status_changed


def _when(moment):
    local = timezone.localtime(moment)
    return format_date(local, "l j F Y, H:i")


def _note(case, text, by):
    update = case.updates.create(kind=UpdateKind.NOTE, author=by, text=text, public=False)
    case_updated.send(sender=type(case), case=case, update=update)


def note_status_change(sender, booking, previous, by=None, reason="", **kwargs):
    # A move is noted once, on the new booking, by note_move.
    if booking.case_id is None or booking.status == BookingStatus.MOVED:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = gettext("Appointment %(status)s.") % {
            "status": BookingStatus(booking.status).label.lower()
        }
        if reason:
            text = f"{text} {reason}"
    _note(booking.case, text, by)


def note_move(sender, booking, previous_booking, by=None, **kwargs):
    if booking.case_id is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = gettext("Appointment moved from %(old)s to %(new)s.") % {
            "old": _when(previous_booking.starts_at),
            "new": _when(booking.starts_at),
        }
    _note(booking.case, text, by)


def register_signal_handlers():
    booking_status_changed.connect(
        note_status_change, sender=Booking, dispatch_uid="bookings-note-status-change"
    )
    booking_moved.connect(note_move, sender=Booking, dispatch_uid="bookings-note-move")
