"""Free days and times come from the schedule, the rules and the seats already taken."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine

from forms_app.bookings import availability
from forms_app.bookings.models import ScheduleException, SlotSeats
from forms_app.bookings.seats import take_seat
from services.models import DatedHours
from tests.factories.bookings import (
    AppointmentTypeFactory,
    BookableScheduleFactory,
    LocationPageFactory,
)

from .conftest import london

pytestmark = pytest.mark.django_db

MONDAY = london(2026, 6, 1, 8, 0)


def test_free_days_are_the_schedules_weekdays_within_the_window(
    schedule, appointment_type, location
):
    appointment_type.window_days = 7
    appointment_type.save()
    days = availability.free_days(appointment_type, location, now=MONDAY)
    assert days == [
        dt.date(2026, 6, 1),
        dt.date(2026, 6, 2),
        dt.date(2026, 6, 3),
        dt.date(2026, 6, 4),
        dt.date(2026, 6, 5),
        dt.date(2026, 6, 8),
    ]


def test_free_times_are_london_times_with_seats_left(schedule, appointment_type, location):
    times = availability.free_times(appointment_type, location, dt.date(2026, 6, 2), now=MONDAY)
    assert [t.starts_at.strftime("%H:%M") for t in times] == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "11:30",
    ]
    assert times[0].starts_at.tzinfo.key == "Europe/London"
    assert {t.seats_left for t in times} == {2}


def test_a_full_time_is_not_offered_and_a_part_full_one_shows_its_seats(
    schedule, appointment_type, location
):
    day = dt.date(2026, 6, 2)
    take_seat(appointment_type, location, london(2026, 6, 2, 9, 0), now=MONDAY)
    take_seat(appointment_type, location, london(2026, 6, 2, 9, 0), now=MONDAY)
    take_seat(appointment_type, location, london(2026, 6, 2, 9, 30), now=MONDAY)
    times = availability.free_times(appointment_type, location, day, now=MONDAY)
    assert times[0].starts_at == london(2026, 6, 2, 9, 30)
    assert times[0].seats_left == 1


def test_a_day_with_every_time_full_is_not_a_free_day(appointment_type, location):
    BookableScheduleFactory(
        location=location,
        appointment_type=appointment_type,
        capacity=1,
        hours={1: [(dt.time(9), dt.time(10))]},
    )
    tuesday = dt.date(2026, 6, 2)
    assert tuesday in availability.free_days(appointment_type, location, now=MONDAY)
    take_seat(appointment_type, location, london(2026, 6, 2, 9, 0), now=MONDAY)
    take_seat(appointment_type, location, london(2026, 6, 2, 9, 30), now=MONDAY)
    assert tuesday not in availability.free_days(appointment_type, location, now=MONDAY)
    assert availability.free_times(appointment_type, location, tuesday, now=MONDAY) == []


def test_exceptions_and_the_locations_closures_close_days(schedule, appointment_type, location):
    ScheduleException.objects.create(
        schedule=schedule, date=dt.date(2026, 6, 2), note="Staff training"
    )
    DatedHours.objects.create(page=location, date=dt.date(2026, 6, 3), note="Building closed")
    days = availability.free_days(appointment_type, location, now=MONDAY)
    assert dt.date(2026, 6, 2) not in days
    assert dt.date(2026, 6, 3) not in days
    assert dt.date(2026, 6, 4) in days


def test_bank_holiday_is_closed_unless_the_schedule_opens(schedule, appointment_type, location):
    spring_bank_holiday = dt.date(2026, 5, 25)
    now = london(2026, 5, 20, 9, 0)
    assert spring_bank_holiday not in availability.free_days(appointment_type, location, now=now)
    schedule.open_on_bank_holidays = True
    schedule.save()
    assert spring_bank_holiday in availability.free_days(appointment_type, location, now=now)


def test_minimum_notice_in_working_days(schedule, appointment_type, location):
    appointment_type.minimum_notice_amount = 3
    appointment_type.minimum_notice_unit = "working_days"
    appointment_type.save()
    # Friday: three working days on is Wednesday.
    days = availability.free_days(appointment_type, location, now=london(2026, 6, 5, 9, 0))
    assert days[0] == dt.date(2026, 6, 10)


def test_free_days_use_the_real_clock_when_not_told(schedule, appointment_type, location):
    with time_machine.travel(london(2026, 6, 2, 11, 40), tick=False):
        days = availability.free_days(appointment_type, location)
        times = availability.free_times(appointment_type, location, dt.date(2026, 6, 2))
    assert days[0] == dt.date(2026, 6, 3)
    assert times == []


def test_clock_change_day_offers_each_time_once(appointment_type, location):
    BookableScheduleFactory(
        location=location, appointment_type=appointment_type, hours={6: [(dt.time(0), dt.time(3))]}
    )
    with time_machine.travel(london(2026, 10, 20, 12, 0), tick=False):
        times = availability.free_times(appointment_type, location, dt.date(2026, 10, 25))
        take_seat(appointment_type, location, london(2026, 10, 25, 1, 30))
        after = availability.free_times(appointment_type, location, dt.date(2026, 10, 25))
    assert len({t.starts_at.astimezone(dt.UTC) for t in times}) == len(times) == 6
    assert len(after) == 5
    assert london(2026, 10, 25, 1, 30) not in [t.starts_at for t in after]


def test_welsh_versions_find_the_same_schedule(schedule, appointment_type, location):
    from wagtail.models import Locale

    from tests.factories import publish_translation

    welsh_locale = Locale.objects.get_or_create(language_code="cy")[0]
    for page in location.get_ancestors().filter(depth__gt=1):
        publish_translation(page.specific, welsh_locale)
    welsh_location = publish_translation(location, welsh_locale, title="Canolfan Ddinesig")
    welsh_type = appointment_type.copy_for_translation(welsh_locale)
    welsh_type.name = "Cyngor treth gyngor"
    welsh_type.save()
    assert availability.free_days(welsh_type, welsh_location, now=MONDAY) == (
        availability.free_days(appointment_type, location, now=MONDAY)
    )
    booking = take_seat(welsh_type, welsh_location, london(2026, 6, 2, 9, 0), now=MONDAY)
    assert booking.location == location
    assert booking.appointment_type == appointment_type


def test_nearest_free_times_surround_the_taken_one(appointment_type, location):
    BookableScheduleFactory(location=location, appointment_type=appointment_type, capacity=1)
    wanted = london(2026, 6, 2, 10, 0)
    take_seat(appointment_type, location, wanted, now=MONDAY)
    nearest = availability.nearest_free_times(appointment_type, location, wanted, now=MONDAY)
    assert [t.starts_at.strftime("%H:%M") for t in nearest] == ["09:00", "09:30", "10:30"]


def test_bookable_locations_are_the_live_ones_with_a_schedule(schedule, appointment_type, location):
    other = LocationPageFactory(parent=location.get_parent(), title="Library")
    BookableScheduleFactory(location=other, appointment_type=AppointmentTypeFactory())
    hidden = LocationPageFactory(parent=location.get_parent(), title="Depot", live=False)
    BookableScheduleFactory(location=hidden, appointment_type=appointment_type)
    assert list(availability.bookable_locations(appointment_type)) == [location]


def test_free_days_read_a_fixed_number_of_queries_however_busy(appointment_type, location):
    schedule = BookableScheduleFactory(
        location=location, appointment_type=appointment_type, capacity=3
    )
    ScheduleException.objects.create(schedule=schedule, date=dt.date(2026, 6, 9))
    with CaptureQueriesContext(connection) as quiet:
        availability.free_days(appointment_type, location, now=MONDAY)
    for day in range(2, 20):
        SlotSeats.objects.create(
            schedule=schedule, starts_at=london(2026, 6, day, 9, 0), capacity=3, taken=3
        )
        ScheduleException.objects.create(
            schedule=schedule, date=dt.date(2026, 6, day), starts=dt.time(9), ends=dt.time(10)
        )
    with CaptureQueriesContext(connection) as busy:
        days = availability.free_days(appointment_type, location, now=MONDAY)
    assert len(busy) == len(quiet) <= 5
    assert dt.date(2026, 6, 3) in days
