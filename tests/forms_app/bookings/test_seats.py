"""Taking, cancelling and moving seats: the counter never goes past the desks."""

import datetime as dt

from django.db import IntegrityError, transaction

import pytest

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking, InvalidTransition, SlotSeats
from forms_app.bookings.seats import SlotTaken, move_seat, release_seat, take_seat
from tests.factories.casework import CaseFactory

from .conftest import london

pytestmark = pytest.mark.django_db

MONDAY = london(2026, 6, 1, 8, 0)
NINE = london(2026, 6, 2, 9, 0)
HALF_NINE = london(2026, 6, 2, 9, 30)


def test_take_seat_books_until_the_desks_are_full(schedule, appointment_type, location):
    first = take_seat(appointment_type, location, NINE, now=MONDAY)
    take_seat(appointment_type, location, NINE, now=MONDAY)
    with pytest.raises(SlotTaken):
        take_seat(appointment_type, location, NINE, now=MONDAY)
    assert first.status == BookingStatus.BOOKED
    assert first.starts_at == NINE
    assert first.ends_at == london(2026, 6, 2, 9, 30)
    assert len(first.reference) == 8
    assert Booking.objects.filter(starts_at=NINE).count() == 2
    assert SlotSeats.objects.get(starts_at=NINE).taken == 2


@pytest.mark.parametrize(
    "starts_at",
    [
        london(2026, 6, 1, 7, 0),  # already past
        london(2026, 6, 2, 9, 10),  # not a slot start
        london(2026, 6, 6, 9, 0),  # Saturday: closed
        london(2026, 7, 20, 9, 0),  # beyond the 28-day window
        london(2026, 5, 25, 9, 0),  # bank holiday
    ],
    ids=["past", "off-slot", "closed", "too far", "bank holiday"],
)
def test_take_seat_refuses_a_time_not_offered(schedule, appointment_type, location, starts_at):
    with pytest.raises(SlotTaken):
        take_seat(appointment_type, location, starts_at, now=MONDAY)
    assert not Booking.objects.exists()


def test_take_seat_rechecks_notice_at_the_moment_of_confirming(
    schedule, appointment_type, location
):
    appointment_type.minimum_notice_amount = 24
    appointment_type.save()
    # Offered on Monday morning, but confirmed too late on Monday.
    with pytest.raises(SlotTaken):
        take_seat(appointment_type, location, NINE, now=london(2026, 6, 1, 10, 0))


def test_cancelling_frees_the_seat_at_once(schedule, appointment_type, location):
    schedule.capacity = 1
    schedule.save()
    booking = take_seat(appointment_type, location, NINE, now=MONDAY)
    release_seat(booking, reason="Resident cancelled")
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancelled_at is not None
    again = take_seat(appointment_type, location, NINE, now=MONDAY)
    assert again.status == BookingStatus.BOOKED
    with pytest.raises(InvalidTransition):
        release_seat(booking)
    assert SlotSeats.objects.get(starts_at=NINE).taken == 1


def test_move_takes_the_new_seat_frees_the_old_and_keeps_reference_and_case(
    schedule, appointment_type, location
):
    case = CaseFactory()
    booking = take_seat(appointment_type, location, NINE, now=MONDAY, case=case)
    moved = move_seat(booking, HALF_NINE, now=MONDAY, reason="Resident changed the time")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.MOVED
    assert booking.moved_to == moved
    assert booking.case is None
    assert moved.case == case
    assert moved.reference == booking.reference
    assert moved.starts_at == HALF_NINE
    assert SlotSeats.objects.get(starts_at=NINE).taken == 0
    assert SlotSeats.objects.get(starts_at=HALF_NINE).taken == 1
    assert [e.to_status for e in booking.events.all()] == ["booked", "moved"]


def test_move_into_a_full_time_leaves_the_old_booking(schedule, appointment_type, location):
    booking = take_seat(appointment_type, location, NINE, now=MONDAY)
    take_seat(appointment_type, location, HALF_NINE, now=MONDAY)
    take_seat(appointment_type, location, HALF_NINE, now=MONDAY)
    with pytest.raises(SlotTaken):
        move_seat(booking, HALF_NINE, now=MONDAY)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    assert booking.starts_at == NINE
    assert SlotSeats.objects.get(starts_at=NINE).taken == 1
    assert SlotSeats.objects.get(starts_at=HALF_NINE).taken == 2


def test_a_cancelled_booking_cannot_be_moved(schedule, appointment_type, location):
    booking = take_seat(appointment_type, location, NINE, now=MONDAY)
    release_seat(booking)
    with pytest.raises(InvalidTransition):
        move_seat(booking, HALF_NINE, now=MONDAY)
    assert not SlotSeats.objects.filter(starts_at=HALF_NINE, taken__gt=0).exists()


def test_the_database_refuses_an_overbooked_counter_whatever_the_code(schedule):
    seats = SlotSeats.objects.create(schedule=schedule, starts_at=NINE, capacity=2, taken=2)
    seats.taken = 3
    with pytest.raises(IntegrityError), transaction.atomic():
        seats.save()
    seats.taken = -1
    with pytest.raises(IntegrityError), transaction.atomic():
        seats.save()


def test_fewer_desks_later_stop_new_bookings_in_a_full_slot(schedule, appointment_type, location):
    take_seat(appointment_type, location, NINE, now=MONDAY)
    take_seat(appointment_type, location, NINE, now=MONDAY)
    schedule.capacity = 1
    schedule.save()
    with pytest.raises(SlotTaken):
        take_seat(appointment_type, location, NINE, now=MONDAY)
    assert take_seat(appointment_type, location, HALF_NINE, now=MONDAY)


def test_status_changes_follow_the_allowed_path(schedule, appointment_type, location):
    booking = take_seat(appointment_type, location, NINE, now=MONDAY)
    booking.transition(BookingStatus.CHECKED_IN, at=NINE)
    booking.transition(BookingStatus.BEING_SEEN, at=NINE + dt.timedelta(minutes=3))
    booking.transition(BookingStatus.COMPLETED)
    with pytest.raises(InvalidTransition):
        booking.transition(BookingStatus.NO_SHOW)
    booking.refresh_from_db()
    assert booking.checked_in_at == NINE
    assert booking.called_at == NINE + dt.timedelta(minutes=3)
    assert [e.to_status for e in booking.events.all()] == [
        "booked",
        "checked_in",
        "being_seen",
        "completed",
    ]


def test_residents_may_change_online_until_the_cut_off(schedule, appointment_type, location):
    booking = take_seat(appointment_type, location, NINE, now=MONDAY)
    assert booking.change_deadline == london(2026, 6, 2, 7, 0)
    assert booking.can_be_changed_online(london(2026, 6, 2, 6, 59))
    assert not booking.can_be_changed_online(london(2026, 6, 2, 7, 0))
    release_seat(booking)
    assert not booking.can_be_changed_online(MONDAY)
