"""Appointment reminders, with the clock frozen: sent once, at the right time, in the resident's
language, by the way they gave; never for a cancelled or moved booking or one already started.

The booking is made on Monday 7 December 2026 at 8am for Wednesday 9 December at 9am, so its
reminder (24 hours before) is due from Tuesday 8 December at 9am.
"""

import datetime as dt
import io

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

import pytest
import time_machine

from forms_app.bookings import links
from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking
from forms_app.bookings.reminders import due_reminders, remind
from forms_app.bookings.seats import move_seat, release_seat, take_seat
from forms_app.notifications.models import Notification
from tests.factories import ServiceIndexPageFactory
from tests.factories.casework import CaseFactory

from .booking_setup import (
    LONDON,
    NOW,
    TUESDAY_9,
    WEDNESDAY_9,
    make_location,
    make_schedule,
    make_type,
)

pytestmark = pytest.mark.django_db

THURSDAY_9 = dt.datetime(2026, 12, 10, 9, 0, tzinfo=LONDON)
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def bookable(home_page):
    places = ServiceIndexPageFactory(parent=home_page, title="Places", slug="places")
    kind = make_type(minimum_notice_amount=0, minimum_notice_unit="hours")
    place = make_location(places)
    make_schedule(kind, place, capacity=2)
    return kind, place


def _book(bookable, starts_at, *, now=NOW, **contact):
    kind, place = bookable
    contact = contact or {"resident_email": "sam@example.com", "resident_phone": "07700900982"}
    case = CaseFactory(**contact)
    with time_machine.travel(now, tick=False):
        return take_seat(kind, place, starts_at, now=now, reference=case.reference, case=case)


def _run(at):
    with time_machine.travel(at, tick=False):
        out = io.StringIO()
        call_command("send_booking_reminders", stdout=out)
        return out.getvalue()


def _reminders(booking=None):
    found = Notification.objects.filter(kind="booking_reminder")
    if booking is not None:
        found = found.filter(case=booking.case)
    return found


def test_a_reminder_goes_once_24_hours_before_by_email_and_text(bookable):
    booking = _book(bookable, WEDNESDAY_9)

    assert "Reminded 0" in _run(WEDNESDAY_9 - 25 * HOUR)
    assert not _reminders().exists()

    assert "Reminded 1" in _run(WEDNESDAY_9 - 24 * HOUR)
    assert "Reminded 0" in _run(WEDNESDAY_9 - 23 * HOUR)

    sent = _reminders(booking)
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]
    email = sent.get(channel="email")
    assert email.recipient == "sam@example.com"
    assert "Reminder: your appointment on Wednesday 9 December 2026" in email.subject
    # Date, time, place, what to bring, and working change and cancel links.
    assert "9:00am" in email.body or "9am" in email.body
    assert "Central Library, 1 High Street, Testtown, TE1 1ST" in email.body
    assert "Your latest council tax bill" in email.body
    for purpose in (links.CHANGE, links.CANCEL):
        token = email.body.split(f"/appointments/{purpose}/")[1].split("/")[0]
        assert links.read_token(token, purpose) == booking.reference
    assert "tomorrow" not in email.body.lower()
    assert Booking.objects.get(pk=booking.pk).reminder_sent_at == WEDNESDAY_9 - 24 * HOUR


def test_two_runs_at_once_remind_once(bookable):
    booking = _book(bookable, WEDNESDAY_9)
    at = WEDNESDAY_9 - 20 * HOUR
    # Both runs found the booking due before either claimed it.
    first_list = list(due_reminders(at))
    second_list = list(due_reminders(at))
    assert first_list == second_list == [booking]

    first = remind(booking.pk, at)
    second = remind(booking.pk, at)

    assert len(first) == 2
    assert second == []
    assert _reminders(booking).count() == 2


def test_the_reminder_is_sent_by_the_outbox(bookable, settings):
    _book(bookable, WEDNESDAY_9, resident_email="sam@example.com", resident_phone="")
    _run(WEDNESDAY_9 - 24 * HOUR)

    with time_machine.travel(WEDNESDAY_9 - 24 * HOUR + dt.timedelta(minutes=1), tick=False):
        call_command("send_due_notifications", stdout=io.StringIO())

    reminders = [m for m in mail.outbox if m.subject.startswith("Reminder: your appointment")]
    assert [message.to for message in reminders] == [["sam@example.com"]]
    assert reminders[0].attachments  # the calendar file


def test_a_resident_who_gave_only_a_mobile_gets_a_text(bookable):
    booking = _book(bookable, WEDNESDAY_9, resident_email="", resident_phone="07700 900982")

    _run(WEDNESDAY_9 - 24 * HOUR)

    sent = _reminders(booking)
    assert list(sent.values_list("channel", "recipient")) == [("sms", "+447700900982")]
    text = sent.get().body
    assert "reminder of your appointment" in text
    assert "9 December" in text
    assert "Central Library" in text
    assert "Bring: Your latest council tax bill\n" in text
    assert "/appointments/change/" in text and "/appointments/cancel/" in text


def test_a_cancelled_booking_gets_no_reminder(bookable):
    booking = _book(bookable, WEDNESDAY_9)
    release_seat(booking, reason="Phoned to cancel")

    assert "Reminded 0" in _run(WEDNESDAY_9 - 24 * HOUR)
    assert not _reminders().exists()


def test_a_moved_booking_is_reminded_for_its_new_time_only(bookable):
    booking = _book(bookable, WEDNESDAY_9)
    with time_machine.travel(NOW, tick=False):
        moved = move_seat(booking, THURSDAY_9, now=NOW)

    # Not at the old time's reminder...
    assert "Reminded 0" in _run(WEDNESDAY_9 - 24 * HOUR)
    assert not _reminders().exists()
    # ...but once at the new one's.
    assert "Reminded 1" in _run(THURSDAY_9 - 24 * HOUR)
    assert "Reminded 0" in _run(THURSDAY_9 - 23 * HOUR)

    sent = _reminders(moved)
    assert sent.count() == 2
    assert all("Thursday 10 December 2026" in n.subject for n in sent)
    assert Booking.objects.get(pk=booking.pk).reminder_sent_at is None


def test_a_reminder_queued_then_cancelled_booking_is_withdrawn(bookable):
    booking = _book(bookable, WEDNESDAY_9)
    _run(WEDNESDAY_9 - 24 * HOUR)
    with time_machine.travel(WEDNESDAY_9 - 24 * HOUR, tick=False):
        release_seat(Booking.objects.get(pk=booking.pk), reason="Phoned to cancel")

    assert set(_reminders(booking).values_list("status", flat=True)) == {"cancelled"}


def test_a_booking_made_3_hours_before_gets_no_reminder(bookable):
    made = WEDNESDAY_9 - 3 * HOUR
    booking = _book(bookable, WEDNESDAY_9, now=made)

    for at in (made, made + HOUR, WEDNESDAY_9 - dt.timedelta(minutes=5)):
        assert "Reminded 0" in _run(at)
    assert not _reminders(booking).exists()


def test_a_late_run_still_reminds_before_the_appointment_but_never_after(bookable):
    early = _book(bookable, TUESDAY_9, now=NOW - 48 * HOUR)
    later = _book(bookable, WEDNESDAY_9)

    # The workers were down from Monday 8am until Wednesday 8:30am.
    assert "Reminded 1" in _run(WEDNESDAY_9 - dt.timedelta(minutes=30))

    assert not _reminders(early).exists()
    assert _reminders(later).count() == 2
    assert Booking.objects.get(pk=early.pk).status == BookingStatus.BOOKED


@override_settings(BOOKING_REMINDER_HOURS=2)
def test_the_offset_is_a_setting(bookable):
    booking = _book(bookable, WEDNESDAY_9)

    assert "Reminded 0" in _run(WEDNESDAY_9 - 3 * HOUR)
    assert "Reminded 1" in _run(WEDNESDAY_9 - 2 * HOUR)
    assert _reminders(booking).count() == 2


def test_a_resident_who_booked_in_welsh_is_reminded_in_welsh(bookable):
    booking = _book(bookable, WEDNESDAY_9)
    booking.case.language = "cy"
    booking.case.save(update_fields=["language"])

    _run(WEDNESDAY_9 - 24 * HOUR)

    email = _reminders(booking).get(channel="email")
    assert email.language == "cy"
    # The date in Welsh, and links to the Welsh pages.
    assert "Dydd Mercher 9 Rhagfyr 2026" in email.body
    assert "/cy/appointments/change/" in email.body
