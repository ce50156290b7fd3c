"""Fifty residents confirm the last seats of one time at once, from several processes.

Each worker process sets Django up on its own and opens its own connections to the test
database, as separate app servers would; every thread waits at a barrier and then confirms, so
the requests really overlap. Exactly as many succeed as there are desks; the rest are told the
time was taken; nothing else goes wrong. PostgreSQL only (`make test-scale`): SQLite lets one
writer in at a time, so it cannot show a race.
"""

import datetime as dt
import multiprocessing
import os
import queue
from collections import Counter
from urllib.parse import urlsplit

from django.db import connection

import pytest

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking, SlotSeats
from forms_app.bookings.seats import take_seat
from tests.baseline import restore_wagtail_baseline
from tests.factories.bookings import (
    AppointmentTypeFactory,
    BookableScheduleFactory,
    LocationPageFactory,
)

from . import seat_workers
from .conftest import london

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
        reason="Concurrency needs PostgreSQL (make test-scale): SQLite has one writer at a time.",
    ),
]

PROCESSES = 5
THREADS = 10
REQUESTS = PROCESSES * THREADS
DESKS = 3
NOW = london(2027, 3, 1, 8, 0)  # a Monday
WANTED = london(2027, 3, 2, 10, 0)


@pytest.fixture(autouse=True)
def _wagtail_baseline(db):
    """This test commits for real (the workers must see its rows), and an earlier test that did
    the same may have emptied the database."""
    restore_wagtail_baseline()


@pytest.fixture
def schedule(service_page):
    location = LocationPageFactory(parent=service_page.get_parent(), title="Civic Centre")
    appointment_type = AppointmentTypeFactory(duration_minutes=30)
    return BookableScheduleFactory(
        location=location,
        appointment_type=appointment_type,
        capacity=DESKS,
        hours={day: [(dt.time(8), dt.time(18))] for day in range(5)},
    )


def _database_url():
    url = urlsplit(os.environ["DATABASE_URL"])
    return url._replace(path=f"/{connection.settings_dict['NAME']}").geturl()


def _run(kind, jobs):
    """Share `jobs` among the worker processes, fire them together; the outcomes, counted."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(jobs))
    results = context.Queue()
    shares = [jobs[n::PROCESSES] for n in range(PROCESSES)]
    workers = [
        context.Process(
            target=seat_workers.run, args=(_database_url(), kind, share, barrier, results)
        )
        for share in shares
    ]
    for worker in workers:
        worker.start()
    outcomes = []
    try:
        for _ in jobs:
            outcomes.append(results.get(timeout=300))
    except queue.Empty:
        pass
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    return Counter(outcomes)


def test_fifty_confirmations_for_three_desks_make_exactly_three_bookings(schedule):
    job = {
        "appointment_type": schedule.appointment_type_id,
        "location": schedule.location_id,
        "starts_at": WANTED.isoformat(),
        "now": NOW.isoformat(),
    }
    outcomes = _run("take", [job] * REQUESTS)

    assert outcomes == {"booked": DESKS, "taken": REQUESTS - DESKS}
    assert Booking.objects.filter(starts_at=WANTED).count() == DESKS
    assert SlotSeats.objects.get(starts_at=WANTED).taken == DESKS


def test_fifty_changes_into_a_nearly_full_time_move_exactly_one(schedule):
    appointment_type, location = schedule.appointment_type, schedule.location
    for _ in range(DESKS - 1):
        take_seat(appointment_type, location, WANTED, now=NOW)
    # Fifty residents booked at other times on Tuesday and Wednesday, each wanting 10am Tuesday.
    others = [
        london(2027, 3, day, hour, minute)
        for day in (2, 3)
        for hour in range(8, 18)
        for minute in (0, 30)
        if london(2027, 3, day, hour, minute) != WANTED
    ]
    movers = [
        take_seat(appointment_type, location, others[n % len(others)], now=NOW)
        for n in range(REQUESTS)
    ]
    jobs = [
        {"booking": booking.pk, "starts_at": WANTED.isoformat(), "now": NOW.isoformat()}
        for booking in movers
    ]
    outcomes = _run("move", jobs)

    assert outcomes == {"booked": 1, "taken": REQUESTS - 1}
    assert Booking.objects.filter(starts_at=WANTED).holding_seats().count() == DESKS
    assert Booking.objects.filter(status=BookingStatus.MOVED).count() == 1
    assert Booking.objects.filter(pk__in=[b.pk for b in movers], status="booked").count() == 49
    # Every counter agrees with the bookings holding its seats.
    for seats in SlotSeats.objects.all():
        assert seats.taken == seats.bookings.holding_seats().count(), seats


def test_reminder_runs_at_once_remind_each_booking_once(schedule):
    from forms_app.notifications.models import Notification
    from tests.factories.casework import CaseFactory

    appointment_type, location = schedule.appointment_type, schedule.location
    times = [london(2027, 3, 2, hour, minute) for hour in range(8, 18) for minute in (0, 30)]
    bookings = []
    for number, starts_at in enumerate(times):
        case = CaseFactory(resident_email=f"resident{number}@example.com", resident_phone="")
        bookings.append(
            take_seat(appointment_type, location, starts_at, now=NOW, case=case, reference=None)
        )
    # Monday evening: every Tuesday appointment is within its 24 hours. Ten runs of the
    # reminder command at once (as if cron overlapped itself), from five processes.
    job = {"now": london(2027, 3, 1, 20, 0).isoformat()}
    outcomes = _run("remind", [job] * 10)

    reminded = sum(int(outcome.split()[1]) * n for outcome, n in outcomes.items())
    assert all(outcome.startswith("reminded ") for outcome in outcomes), outcomes
    assert reminded == len(bookings)
    sent = Notification.objects.filter(kind="booking_reminder")
    assert sent.count() == len(bookings)
    assert sorted(sent.values_list("case_id", flat=True)) == sorted(b.case_id for b in bookings)
    assert not Booking.objects.filter(pk__in=[b.pk for b in bookings], reminder_sent_at=None)
