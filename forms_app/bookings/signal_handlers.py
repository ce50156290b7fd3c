"""Bookings' side of the seam with casework: what happens at the reception desk is noted on the
booking's case (checked in, called in, completed, did not attend).

Changes and cancellations by the resident's link are noted by the journey (`records.py`), with
its own wording; they are left out here so the case never records one change twice.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from wagtail.log_actions import log

from forms_app.cases.enums import UpdateKind
from forms_app.cases.models import Case
from forms_app.cases.signals import case_updated

from .enums import BookingStatus
from .models import Booking
from .signals import booking_status_changed

DESK_STATUSES = frozenset(
    {
        BookingStatus.CHECKED_IN,
        BookingStatus.BEING_SEEN,
        BookingStatus.COMPLETED,
        BookingStatus.NO_SHOW,
    }
)


def note_desk_progress(sender, booking, previous, by=None, reason="", **kwargs):
    if booking.case_id is None or booking.status not in DESK_STATUSES:
        return
    case = booking.case
    with translation.override(settings.LANGUAGE_CODE):
        text = gettext("Appointment: %(status)s.") % {
            "status": BookingStatus(booking.status).label.lower()
        }
    update = case.updates.create(kind=UpdateKind.NOTE, author=by, text=text, public=False)
    case.save(update_fields=["updated_at"])
    log(case, "cases.note", user=by)
    case_updated.send(sender=Case, case=case, update=update)


def register_signal_handlers():
    booking_status_changed.connect(
        note_desk_progress, sender=Booking, dispatch_uid="bookings-note-desk-progress"
    )
