"""The reception desk's day: who is booked where, walk-ins, marking each resident's progress, and
booking for a resident (the booking journey in assisted mode)."""

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from forms_app.journeys.assisted import start_assisting
from forms_app.journeys.progress import save_state
from forms_app.journeys.references import unique_reference
from services.models import LocationPage

from .enums import BookingStatus
from .journey import PLACE
from .models import AppointmentType, Booking, BookingEvent
from .pages import BookingPage

# What the desk's buttons do, in the order a resident's visit goes.
DESK_ACTIONS = {
    BookingStatus.CHECKED_IN: _("Check in"),
    BookingStatus.BEING_SEEN: _("Call in"),
    BookingStatus.COMPLETED: _("Completed"),
    BookingStatus.NO_SHOW: _("Did not attend"),
}


def desk_locations():
    return (
        LocationPage.objects.filter(bookable_schedules__isnull=False).distinct().order_by("title")
    )


def walk_in_types(location):
    return AppointmentType.objects.filter(schedules__location=location).order_by("name")


def day_list(location, day):
    """The day's appointments and walk-ins at `location`, earliest first.

    Moved bookings are left out: the resident appears once, at their new time.
    """
    return (
        Booking.objects.filter(location=location)
        .on_day(day)
        .exclude(status=BookingStatus.MOVED)
        .select_related("appointment_type", "case")
        .order_by("starts_at", "pk")
    )


def resident_name(booking):
    if booking.case_id and booking.case.resident_name:
        return booking.case.resident_name
    return booking.walk_in_name


def desk_actions(booking):
    """The buttons to show for a booking: its allowed next steps that happen at the desk."""
    return [
        (status, label)
        for status, label in DESK_ACTIONS.items()
        if booking.can_transition_to(status)
    ]


def add_walk_in(location, appointment_type, name, *, by, now=None):
    """Someone who came in without an appointment: on the day's list, checked in now.

    A walk-in takes no seat: seats are for booked times, and walk-ins are fitted around them.
    """
    now = now or timezone.now()
    with transaction.atomic():
        booking = Booking.objects.create(
            reference=unique_reference(lambda ref: Booking.objects.filter(reference=ref).exists()),
            appointment_type=appointment_type,
            location=location,
            starts_at=now,
            ends_at=now + dt.timedelta(minutes=appointment_type.duration_minutes),
            walk_in=True,
            walk_in_name=name,
            booked_by=by,
            created_at=now,
        )
        BookingEvent.objects.create(booking=booking, at=now, to_status=BookingStatus.BOOKED, by=by)
        booking.transition(BookingStatus.CHECKED_IN, by=by, at=now)
    return booking


def booking_pages_for(location):
    """The live booking pages (in the site's own language) offering a type at `location`, with
    the types each offers there: where the desk can book for a resident."""
    offered_here = set(walk_in_types(location).values_list("pk", flat=True))
    found = []
    pages = BookingPage.objects.live().filter(locale=Locale.get_default()).order_by("title")
    for page in pages:
        types = [kind for kind in page.offered_types() if kind.pk in offered_here]
        if types:
            found.append((page, types))
    return found


def begin_assisted_booking(request, page, location):
    """Start the booking journey for a resident at the desk: assisted mode on (so the booking
    records this member of staff, journeys/assisted.py), any half-finished journey forgotten,
    and the desk's location already chosen on the place step."""
    start_assisting(request)
    save_state(
        request.session,
        page,
        {"token": str(uuid.uuid4()), "answers": {PLACE: str(location.pk)}},
    )
