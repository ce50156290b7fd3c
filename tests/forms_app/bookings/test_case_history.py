"""A booking's case records what happened to the appointment, however it changed."""

import pytest

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.seats import move_seat, release_seat, take_seat
from tests.factories.casework import CaseFactory

from .conftest import london

pytestmark = pytest.mark.django_db

MONDAY = london(2026, 6, 1, 8, 0)


def _notes(case):
    return [update.text for update in case.updates.filter(kind="note")]


def test_move_check_in_and_no_show_are_noted_on_the_case(schedule, appointment_type, location):
    case = CaseFactory()
    booking = take_seat(appointment_type, location, london(2026, 6, 2, 9), now=MONDAY, case=case)
    moved = move_seat(booking, london(2026, 6, 3, 11, 30), now=MONDAY)
    moved.transition(BookingStatus.CHECKED_IN)
    assert _notes(case) == [
        "Appointment moved from Tuesday 2 June 2026, 09:00 to Wednesday 3 June 2026, 11:30.",
        "Appointment checked in.",
    ]


def test_cancelling_notes_the_reason(schedule, appointment_type, location):
    case = CaseFactory()
    booking = take_seat(appointment_type, location, london(2026, 6, 2, 9), now=MONDAY, case=case)
    release_seat(booking, reason="Cancelled by the resident using their link.")
    assert _notes(case) == ["Appointment cancelled. Cancelled by the resident using their link."]
