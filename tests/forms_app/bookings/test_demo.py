"""The demo council's appointments: three types at three reception points, bookable at once."""

import datetime as dt
import io

from django.core.management import call_command

import pytest
import time_machine

from forms_app.bookings import availability
from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import AppointmentType, BookableSchedule, Booking

from .conftest import london

pytestmark = pytest.mark.django_db


@time_machine.travel(london(2026, 12, 2, 15, 0), tick=False)
def test_seed_demo_offers_appointments_and_a_part_worked_day(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2026")
    call_command("seed_demo", stdout=io.StringIO())
    bookings = Booking.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Booking.objects.count() == bookings > 20

    english = AppointmentType.objects.filter(locale__language_code="en")
    assert set(english.values_list("name", flat=True)) == {
        "Council tax advice",
        "Housing options",
        "Blue badge",
    }
    assert AppointmentType.objects.filter(locale__language_code="cy").count() == 3
    schedules = BookableSchedule.objects.select_related("location", "appointment_type")
    assert len({s.location_id for s in schedules}) == 3
    assert len({s.capacity for s in schedules}) > 1

    for schedule in schedules:
        days = availability.free_days(schedule.appointment_type, schedule.location)
        assert days, schedule
        # Christmas Day and the substitute Boxing Day are closed.
        assert dt.date(2026, 12, 25) not in days
        assert dt.date(2026, 12, 28) not in days

    today = Booking.objects.on_day(dt.date(2026, 12, 2))
    assert today.filter(status=BookingStatus.COMPLETED).exists()
    assert today.filter(status=BookingStatus.NO_SHOW).exists()
    assert today.filter(status=BookingStatus.BOOKED, starts_at__gt=london(2026, 12, 2, 15)).exists()
