"""A bookable council for the booking journey's tests: a service with a booking page, places
with weekly appointment hours, and appointment types (real models, no mocks)."""

import datetime as dt
from zoneinfo import ZoneInfo

from forms_app.bookings.models import AppointmentType, BookableSchedule, ScheduleHours
from forms_app.bookings.pages import BookingPage
from forms_app.cases.models import Queue, RoutingRule
from tests.factories import LocationPageFactory

LONDON = ZoneInfo("Europe/London")
# A Monday morning in winter: the first bookable day (one working day's notice) is Tuesday.
NOW = dt.datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)


def appointment_type(name="Council tax advice", slug=None, **values):
    defaults = {
        "duration_minutes": 30,
        "minimum_notice_amount": 1,
        "window_days": 14,
        "change_cutoff_hours": 2,
        "what_to_bring": "Your latest council tax bill",
    }
    return AppointmentType.objects.create(
        name=name, slug=slug or name.lower().replace(" ", "-"), **{**defaults, **values}
    )


def location(parent, title="Central Library", **values):
    defaults = {
        "address": "1 High Street\nTesttown",
        "postcode": "TE1 1ST",
        "phone": "01632 960 123",
    }
    return LocationPageFactory(parent=parent, title=title, **{**defaults, **values})


def schedule(kind, place, *, capacity=1, weekdays=range(5), starts=dt.time(9), ends=dt.time(10)):
    """Appointments on weekdays between `starts` and `ends` (two 30-minute times by default)."""
    made = BookableSchedule.objects.create(appointment_type=kind, location=place, capacity=capacity)
    for weekday in weekdays:
        ScheduleHours.objects.create(schedule=made, weekday=weekday, starts=starts, ends=ends)
    return made


def booking_page(service, types, title="Book an appointment", slug="book"):
    page = BookingPage(
        title=title,
        slug=slug,
        intro="<p>Appointments are for residents of Testshire.</p>",
        confirmation_heading="Appointment booked",
        what_happens_next="<p>Come to the front desk 5 minutes early.</p>",
    )
    service.add_child(instance=page)
    page.appointment_types.set(types)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def queue_for(page, name="Customer services"):
    queue = Queue.objects.create(name=name)
    RoutingRule.objects.create(journey=page, queue=queue)
    return queue
