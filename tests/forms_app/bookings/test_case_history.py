"""A booking's case records what happened at the reception desk, once."""

import pytest

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.seats import move_seat, release_seat, take_seat
from tests.factories.casework import CaseFactory

from .conftest import london

pytestmark = pytest.mark.django_db

MONDAY = london(2026, 6, 1, 8, 0)


def _notes(case):
    return [update.text for update in case.updates.filter(kind="note")]


def test_desk_progress_is_noted_on_the_case(schedule, appointment_type, location):
    case = CaseFactory()
    booking = take_seat(appointment_type, location, london(2026, 6, 2, 9), now=MONDAY, case=case)
    booking.transition(BookingStatus.CHECKED_IN)
    booking.transition(BookingStatus.BEING_SEEN)
    booking.transition(BookingStatus.COMPLETED)
    assert _notes(case) == [
        "Appointment: checked in.",
        "Appointment: being seen.",
        "Appointment: completed.",
    ]


def test_a_no_show_is_noted_on_the_case(schedule, appointment_type, location):
    case = CaseFactory()
    booking = take_seat(appointment_type, location, london(2026, 6, 2, 9), now=MONDAY, case=case)
    booking.transition(BookingStatus.NO_SHOW)
    assert _notes(case) == ["Appointment: did not attend."]


def test_moves_and_cancellations_are_left_to_whoever_made_them(
    schedule, appointment_type, location
):
    # The resident's change and cancel links note these in their own words.
    case = CaseFactory()
    booking = take_seat(appointment_type, location, london(2026, 6, 2, 9), now=MONDAY, case=case)
    moved = move_seat(booking, london(2026, 6, 3, 11, 30), now=MONDAY)
    release_seat(moved)
    assert _notes(case) == []
