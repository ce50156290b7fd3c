"""The reception desk's day: who is booked where, walk-ins, and marking each resident's progress."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms_app.journeys.references import unique_reference
from services.models import LocationPage

from .enums import BookingStatus
from .models import AppointmentType, Booking, BookingEvent

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
