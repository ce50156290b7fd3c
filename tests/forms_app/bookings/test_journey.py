"""Booking an appointment as a resident does: type, place, day, time, details, check, confirm.

The pages are driven with Django's test client against the real database at a fixed moment,
Monday 7 December 2026 at 8am. Appointments need one working day's notice and are offered on
weekdays from 9am to 10am, one desk: Tuesday 8 December at 9am is the first free time.
"""

import datetime as dt
import re

from django.core import mail

import icalendar
import pytest
import time_machine

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking, ScheduleException
from forms_app.bookings.seats import take_seat
from forms_app.cases.models import Case, Queue
from forms_app.journeys.models import Submission
from forms_app.journeys.rules import routable_questions
from forms_app.notifications import senders
from forms_app.notifications.models import Notification
from tests.factories import ServiceIndexPageFactory
from tests.factories.users import sign_in_verified

from .booking_setup import (
    NOW,
    TUESDAY_9,
    TUESDAY_930,
    WEDNESDAY_9,
    answer,
    confirm,
    make_booking_page,
    make_location,
    make_queue,
    make_schedule,
    make_type,
    walk_to_check_answers,
)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def places(home_page):
    return ServiceIndexPageFactory(parent=home_page, title="Places", slug="places")


@pytest.fixture
def kind(db):
    return make_type()


@pytest.fixture
def place(places, kind):
    made = make_location(places)
    make_schedule(kind, made, capacity=1)
    return made


@pytest.fixture
def page(service_page, kind, place):
    made = make_booking_page(service_page, [kind])
    make_queue(made)
    return made


def _radio_labels(html):
    return [label.strip() for label in re.findall(r'govuk-radios__label"[^>]*>([^<]*)<', html)]


def test_one_appointment_type_goes_straight_to_the_place(client, page, place):
    start = client.get(page.url)
    assert start["Location"] == f"{page.url}place/"

    places = client.get(start["Location"]).content.decode()

    assert "Where would you like to go?" in places
    assert "Central Library" in places
    assert "1 High Street, Testtown, TE1 1ST" in places
    assert "Appointments are for residents of Testshire." in places


def test_days_are_listed_by_week_with_only_free_bookable_days(client, page, place, kind):
    answer(client, page, "place", {"location": str(place.pk)})
    # Wednesday 9 December is closed for training; Thursday 10 December is fully booked.
    ScheduleException.objects.create(schedule=kind.schedules.get(), date=dt.date(2026, 12, 9))
    for start in (dt.time(9), dt.time(9, 30)):
        moment = dt.datetime.combine(dt.date(2026, 12, 10), start, tzinfo=TUESDAY_9.tzinfo)
        take_seat(kind, place, moment, now=NOW)

    days = client.get(f"{page.url}day/").content.decode()

    assert "Choose a day" in days
    assert "Week beginning Monday 7 December" in days
    assert "Week beginning Monday 14 December" in days
    assert "Tuesday 8 December 2026" in days
    # Too soon (today), closed, full, weekends and beyond the 14-day window are never offered.
    for missing in (
        "Monday 7 December 2026",
        "Wednesday 9 December 2026",
        "Thursday 10 December 2026",
        "Saturday 12 December 2026",
        "Tuesday 22 December 2026",
    ):
        assert missing not in days
    assert "Friday 11 December 2026" in days


def test_the_time_step_names_the_day_and_offers_only_free_times(client, page, place, kind):
    take_seat(kind, place, TUESDAY_9, now=NOW)
    answer(client, page, "place", {"location": str(place.pk)})
    answer(client, page, "day", {"day": "2026-12-08"})

    times = client.get(f"{page.url}time/").content.decode()

    assert "Choose a time on Tuesday 8 December" in times
    assert _radio_labels(times) == ["9:30am"]


def test_booking_start_to_finish(client, page, place):
    check = walk_to_check_answers(client, page, place=place)
    text = check.content.decode()
    assert "Check your answers before booking" in text
    assert "9am on Tuesday 8 December 2026" in text
    assert "Central Library" in text
    assert "An interpreter" in text
    assert "Confirm appointment" in text
    assert not Booking.objects.exists()  # nothing holds a seat before the resident confirms

    sent = confirm(client, page, check)
    done = client.get(sent["Location"]).content.decode()

    booking = Booking.objects.get()
    assert booking.status == BookingStatus.BOOKED
    assert booking.starts_at == TUESDAY_9
    case = Case.objects.get()
    assert booking.case == case and booking.reference == case.reference
    assert "Appointment booked" in done
    assert "Tuesday 8 December 2026" in done
    assert "9am to 9:30am" in done
    assert "1 High Street" in done and "TE1 1ST" in done
    assert "Your latest council tax bill" in done
    assert "Add to calendar" in done
    assert "/appointments/calendar/" in done
    assert "/appointments/change/" in done and "/appointments/cancel/" in done
    confirmations = Notification.objects.filter(case=case, kind="booking_confirmed")
    assert sorted(confirmations.values_list("channel", flat=True)) == ["email", "sms"]
    email = confirmations.get(channel="email")
    assert "Your appointment on Tuesday 8 December 2026" in email.subject
    assert "/appointments/calendar/" in email.body
    assert "/appointments/cancel/" in email.body


def test_the_resident_gets_the_booking_confirmation_and_not_the_generic_one_too(
    client, page, place
):
    # A team that tells residents about their cases: its "We have received your form" would
    # say less than the appointment's own confirmation, and arrive beside it.
    Queue.objects.update(notify_resident=True)
    check = walk_to_check_answers(client, page, place=place)
    done = client.get(confirm(client, page, check)["Location"]).content.decode()

    case = Case.objects.get()
    kinds = set(Notification.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == {"booking_confirmed"}
    assert "Appointment booked" in done


def test_details_need_an_email_address_or_a_uk_mobile(client, page, place):
    for step, data in (
        ("place", {"location": str(place.pk)}),
        ("day", {"day": "2026-12-08"}),
        ("time", {"time": TUESDAY_9.astimezone(dt.UTC).isoformat()}),
    ):
        answer(client, page, step, data)

    neither = answer(client, page, "your-details", {"full_name": "Sam Jones"})
    nothing = answer(client, page, "your-details", {})
    landline = answer(
        client, page, "your-details", {"full_name": "Sam Jones", "mobile": "01632 960 001"}
    )
    email_only = answer(
        client, page, "your-details", {"full_name": "Sam Jones", "email": "sam@example.com"}
    )

    assert neither.status_code == 200
    assert "Enter an email address or a UK mobile number" in neither.content.decode()
    assert "There is a problem" in neither.content.decode()
    # With the name missing too, both are said at once.
    assert "Enter your full name" in nothing.content.decode()
    assert "Enter an email address or a UK mobile number" in nothing.content.decode()
    assert "Enter a UK mobile number, like 07700 900 982" in landline.content.decode()
    assert email_only.status_code == 302
    assert email_only["Location"] == f"{page.url}adjustments/"


def test_a_time_taken_meanwhile_is_refused_with_the_nearest_free_times(client, page, place, kind):
    check = walk_to_check_answers(client, page, place=place)
    # Someone else confirms the last seat at 9am first.
    take_seat(kind, place, TUESDAY_9, now=NOW)

    refused = confirm(client, page, check)

    assert refused["Location"] == f"{page.url}time/"
    time_page = client.get(refused["Location"]).content.decode()
    assert "That time has just been taken. Choose another time." in time_page
    assert "Choose another time" in time_page
    assert "9:30am on Tuesday 8 December 2026" in time_page
    assert "9am on Wednesday 9 December 2026" in time_page
    assert not Submission.objects.exists() and not Case.objects.exists()
    assert Booking.objects.count() == 1

    # A nearest time on another day: the day follows it, and the booking is made there.
    answer(client, page, "time", {"time": WEDNESDAY_9.astimezone(dt.UTC).isoformat()})
    check = client.get(f"{page.url}check-your-answers/")
    assert "Wednesday 9 December 2026" in check.content.decode()
    assert "Tuesday 8 December 2026" not in check.content.decode()
    confirm(client, page, check)

    mine = Booking.objects.get(case__isnull=False)
    assert mine.starts_at == WEDNESDAY_9


def test_a_time_taken_while_choosing_says_so_on_the_time_step(client, page, place, kind):
    answer(client, page, "place", {"location": str(place.pk)})
    answer(client, page, "day", {"day": "2026-12-08"})
    client.get(f"{page.url}time/")
    take_seat(kind, place, TUESDAY_930, now=NOW)

    response = answer(client, page, "time", {"time": TUESDAY_930.astimezone(dt.UTC).isoformat()})

    assert response.status_code == 200
    assert "That time has just been taken. Choose another time." in response.content.decode()


def test_save_and_come_back_later_is_off(client, page, place):
    answer(client, page, "place", {"location": str(place.pk)})

    assert "Save and come back later" not in client.get(f"{page.url}day/").content.decode()
    assert client.get(f"{page.url}save/").status_code == 404


def test_with_two_types_residents_choose_and_rules_can_route_by_type(
    client, service_page, places, kind, place
):
    housing = make_type("Housing options", what_to_bring="Proof of address")
    other = make_location(places, title="Northside Hub", address="2 Low Road\nTesttown")
    make_schedule(housing, other)
    page = make_booking_page(service_page, [kind, housing], slug="book-two")
    make_queue(page)

    first = client.get(page.url)
    assert first["Location"] == f"{page.url}appointment/"
    types = client.get(first["Location"]).content.decode()
    assert "What is your appointment about?" in types
    assert "Council tax advice" in types and "Housing options" in types
    (question,) = [q for q in routable_questions(page) if q.name == "appointment_type"]
    assert question.has_option("housing-options") and question.has_option("council-tax-advice")

    answer(client, page, "appointment", {"appointment_type": "housing-options"})
    offered = client.get(f"{page.url}place/").content.decode()

    assert "Northside Hub" in offered
    assert "Central Library" not in offered


def test_changing_the_day_from_check_answers_asks_for_a_time_that_day(client, page, place):
    walk_to_check_answers(client, page, place=place)

    changed = client.post(f"{page.url}day/?change=1", {"day": "2026-12-09"})

    assert changed["Location"] == f"{page.url}time/?change=1"
    times = client.get(changed["Location"]).content.decode()
    assert "Choose a time on Wednesday 9 December" in times
    back = client.post(changed["Location"], {"time": "2026-12-09T09:30:00+00:00"})
    assert back["Location"] == f"{page.url}check-your-answers/"
    check = client.get(back["Location"]).content.decode()
    assert "9:30am on Wednesday 9 December 2026" in check
    assert "Tuesday 8 December 2026" not in check


def test_reception_staff_book_for_a_resident_with_no_email_or_mobile(
    client, django_user_model, page, place
):
    staff = django_user_model.objects.create_superuser("desk", "desk@example.com", "x")
    sign_in_verified(client, staff)
    client.post("/check-progress/assisted/start/")

    check = walk_to_check_answers(client, page, place=place, details={"full_name": "Sam Jones"})
    confirm(client, page, check)

    booking = Booking.objects.get()
    assert booking.booked_by == staff
    assert booking.case.assisted_by == staff
    assert not Notification.objects.filter(kind="booking_confirmed").exists()


def test_the_confirmation_email_carries_the_calendar_file(client, page, place, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    confirm(client, page, walk_to_check_answers(client, page, place=place))
    email = Notification.objects.get(kind="booking_confirmed", channel="email")

    senders.send(email)

    (message,) = mail.outbox
    ((name, content, content_type),) = message.attachments
    assert name.endswith(".ics") and content_type.startswith("text/calendar")
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == TUESDAY_9
    assert "Central Library" in event["location"]
