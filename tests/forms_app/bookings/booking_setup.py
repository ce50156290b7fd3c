"""A bookable council for the booking journey's tests: a service with a booking page, a place
with weekly appointment hours, appointment types (real models, no mocks), and a walk through the
journey as a resident's browser would make it."""

import datetime as dt
from zoneinfo import ZoneInfo

from forms_app.bookings.models import AppointmentType, BookableSchedule, ScheduleHours
from forms_app.bookings.pages import BookingPage
from forms_app.cases.models import Queue, RoutingRule
from tests.factories import LocationPageFactory

LONDON = ZoneInfo("Europe/London")
# A Monday morning in winter: with one working day's notice, Tuesday is the first bookable day.
NOW = dt.datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)
TUESDAY_9 = dt.datetime(2026, 12, 8, 9, 0, tzinfo=LONDON)
TUESDAY_930 = dt.datetime(2026, 12, 8, 9, 30, tzinfo=LONDON)
WEDNESDAY_9 = dt.datetime(2026, 12, 9, 9, 0, tzinfo=LONDON)


def make_type(name="Council tax advice", slug=None, **values):
    defaults = {
        "duration_minutes": 30,
        "minimum_notice_amount": 1,
        "minimum_notice_unit": "working_days",
        "window_days": 14,
        "change_cutoff_hours": 2,
        "what_to_bring": "Your latest council tax bill",
    }
    return AppointmentType.objects.create(
        name=name, slug=slug or name.lower().replace(" ", "-"), **{**defaults, **values}
    )


def make_location(parent, title="Central Library", **values):
    defaults = {
        "address": "1 High Street\nTesttown",
        "postcode": "TE1 1ST",
        "phone": "01632 960 123",
    }
    return LocationPageFactory(parent=parent, title=title, **{**defaults, **values})


def make_schedule(
    kind, place, *, capacity=1, weekdays=range(5), starts=dt.time(9), ends=dt.time(10)
):
    """Appointments on weekdays between `starts` and `ends` (two 30-minute times by default)."""
    made = BookableSchedule.objects.create(appointment_type=kind, location=place, capacity=capacity)
    for weekday in weekdays:
        ScheduleHours.objects.create(schedule=made, weekday=weekday, starts=starts, ends=ends)
    return made


def make_booking_page(service, types, title="Book an appointment", slug="book"):
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
    return BookingPage.objects.get(pk=page.pk)


def make_queue(page, name="Customer services"):
    queue = Queue.objects.create(name=name)
    RoutingRule.objects.create(journey=page, queue=queue)
    return queue


DETAILS = {"full_name": "Sam Jones", "email": "sam@example.com", "mobile": "07700 900982"}


def answer(client, page, step, data):
    """Answer one step; returns the response (a redirect to the next step when it is accepted)."""
    return client.post(f"{page.url}{step}/", data)


def walk_to_check_answers(client, page, *, place, day="2026-12-08", time=TUESDAY_9, details=None):
    """Every step up to check your answers, as a resident would answer them."""
    for step, data in (
        ("place", {"location": str(place.pk)}),
        ("day", {"day": day}),
        ("time", {"time": time.astimezone(dt.UTC).isoformat()}),
        ("your-details", details or DETAILS),
        ("adjustments", {"adjustments": ["interpreter"], "interpreter_language": "Polish"}),
    ):
        response = answer(client, page, step, data)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    return client.get(f"{page.url}check-your-answers/")


def confirm(client, page, check):
    return client.post(
        f"{page.url}check-your-answers/",
        {"token": check.context["token"], "answers": check.context["answers_version"]},
    )
