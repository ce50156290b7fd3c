"""Change and cancel by the signed links in a booking's confirmation, and its calendar file.

Each test drives the pages as a resident would (Django's test client, real database) at a fixed
moment: Monday 7 December 2026, 8am. The booking is on Tuesday 8 December at 9am.
"""

import datetime as dt

import icalendar
import pytest
import time_machine

from forms_app.bookings import links
from forms_app.bookings.availability import free_times
from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking
from forms_app.bookings.seats import release_seat, take_seat
from forms_app.cases.enums import UpdateKind
from forms_app.notifications.models import Notification
from tests.factories import ServiceIndexPageFactory
from tests.factories.casework import CaseFactory

from .booking_setup import (
    LONDON,
    NOW,
    TUESDAY_9,
    TUESDAY_930,
    make_location,
    make_schedule,
    make_type,
)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def bookable(home_page):
    places = ServiceIndexPageFactory(parent=home_page, title="Places", slug="places")
    kind = make_type()
    place = make_location(places)
    make_schedule(kind, place, capacity=1)
    return kind, place


@pytest.fixture
def booking(bookable, clock):
    kind, place = bookable
    case = CaseFactory(resident_email="sam@example.com", resident_phone="07700900982")
    return take_seat(kind, place, TUESDAY_9, now=NOW, reference=case.reference, case=case)


def _url(booking, purpose):
    return links.link_path(booking.reference, purpose)


def _tampered(url):
    # One character of the signature changed, as a mangled copy and paste would.
    head, last = url.rstrip("/")[:-1], url.rstrip("/")[-1]
    return f"{head}{'A' if last != 'A' else 'B'}/"


# The tokens.


def test_a_token_names_its_booking_for_its_purpose_only():
    token = links.make_token("HT7K9QWX", links.CANCEL)

    assert links.read_token(token, links.CANCEL) == "HT7K9QWX"
    with pytest.raises(links.LinkInvalid):
        links.read_token(token, links.CHANGE)
    with pytest.raises(links.LinkInvalid):
        links.read_token(token.replace("HT7K9QWX", "HT7K9QWY"), links.CANCEL)
    with pytest.raises(links.LinkInvalid):
        links.read_token("", links.CANCEL)


def test_a_token_expires():
    with time_machine.travel(NOW, tick=False) as traveller:
        token = links.make_token("HT7K9QWX", links.CHANGE)
        traveller.shift(dt.timedelta(days=links.LINK_DAYS + 1))
        with pytest.raises(links.LinkExpired):
            links.read_token(token, links.CHANGE)


# Tampered and expired links change nothing.


@pytest.mark.django_db
def test_a_tampered_cancel_link_says_so_and_cancels_nothing(client, booking):
    url = _tampered(_url(booking, links.CANCEL))

    page = client.get(url)
    posted = client.post(url)

    assert page.status_code == 404
    assert "This link does not work" in page.content.decode()
    assert posted.status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


@pytest.mark.django_db
def test_an_expired_change_link_says_so_and_changes_nothing(client, booking, clock):
    url = _url(booking, links.CHANGE)
    clock.shift(dt.timedelta(days=links.LINK_DAYS + 1))

    response = client.post(url + "?day=2026-12-08", {"time": TUESDAY_930.isoformat()})

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).starts_at == TUESDAY_9


@pytest.mark.django_db
def test_a_link_for_another_purpose_does_not_cancel(client, booking):
    calendar_token = links.make_token(booking.reference, links.CALENDAR)

    response = client.post(f"/appointments/cancel/{calendar_token}/")

    assert response.status_code == 404
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED


# Cancel.


@pytest.mark.django_db
def test_cancel_asks_first_then_cancels_frees_the_seat_and_records_it(client, booking, bookable):
    kind, place = bookable
    url = _url(booking, links.CANCEL)
    assert TUESDAY_9 not in [free.starts_at for free in free_times(kind, place, TUESDAY_9.date())]

    asked = client.get(url)
    assert "Are you sure you want to cancel your appointment?" in asked.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED

    done = client.post(url, follow=True)

    assert "Appointment cancelled" in done.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    # The seat is bookable again at once.
    assert TUESDAY_9 in [free.starts_at for free in free_times(kind, place, TUESDAY_9.date())]
    note = booking.case.updates.filter(kind=UpdateKind.NOTE).last()
    assert "cancelled their appointment" in note.text
    sent = Notification.objects.filter(case=booking.case, kind="booking_cancelled")
    assert sorted(sent.values_list("channel", flat=True)) == ["email", "sms"]


@pytest.mark.django_db
def test_an_already_cancelled_booking_says_so(client, booking):
    release_seat(booking, reason="Phoned to cancel")

    response = client.get(_url(booking, links.CANCEL))
    posted = client.post(_url(booking, links.CANCEL))

    assert "This appointment has already been cancelled" in response.content.decode()
    assert "This appointment has already been cancelled" in posted.content.decode()
    assert booking.case.updates.filter(kind=UpdateKind.NOTE).count() == 0


@pytest.mark.django_db
def test_after_the_cut_off_the_page_gives_the_places_phone_and_changes_nothing(
    client, booking, clock
):
    # Two hours' cut-off: 7:30am on the day is too late for a 9am appointment.
    clock.move_to(dt.datetime(2026, 12, 8, 7, 30, tzinfo=LONDON))

    cancel = client.post(_url(booking, links.CANCEL))
    change = client.get(_url(booking, links.CHANGE))

    for response in (cancel, change):
        text = response.content.decode()
        assert "It is too late to change this appointment online" in text
        assert "01632 960 123" in text
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.BOOKED


# Change.


@pytest.mark.django_db
def test_change_shows_days_then_times_and_moves_the_seat(client, booking, bookable):
    kind, place = bookable
    url = _url(booking, links.CHANGE)

    days = client.get(url).content.decode()
    assert "Choose a new day" in days
    assert "Tuesday 8 December 2026" in days
    chosen = client.post(url, {"day": "2026-12-08"})
    assert chosen["Location"].endswith("?day=2026-12-08")
    times = client.get(chosen["Location"]).content.decode()
    assert "Choose a time on Tuesday 8 December" in times
    assert "9:30am" in times

    done = client.post(chosen["Location"], {"time": TUESDAY_930.isoformat()}, follow=True)

    assert "Appointment changed" in done.content.decode()
    moved = Booking.objects.get(reference=booking.reference, status=BookingStatus.BOOKED)
    assert moved.starts_at == TUESDAY_930
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.MOVED
    # The old time is free again; the new one is taken.
    free = [f.starts_at for f in free_times(kind, place, TUESDAY_9.date())]
    assert TUESDAY_9 in free and TUESDAY_930 not in free
    assert "moved their appointment" in moved.case.updates.last().text
    assert Notification.objects.filter(case=moved.case, kind="booking_changed").count() == 2
    # The same links go on working for the moved booking.
    assert "Are you sure" in client.get(_url(booking, links.CANCEL)).content.decode()


@pytest.mark.django_db
def test_change_into_a_time_just_taken_offers_the_nearest_free_times(client, booking, bookable):
    kind, place = bookable
    url = _url(booking, links.CHANGE) + "?day=2026-12-08"
    client.get(url)
    # Someone else books 9:30 while this resident is choosing.
    take_seat(kind, place, TUESDAY_930, now=NOW)

    response = client.post(url, {"time": TUESDAY_930.isoformat()})

    text = response.content.decode()
    assert "That time has just been taken. Choose another time." in text
    assert "Choose another time" in text
    assert "9am on Wednesday 9 December 2026" in text
    assert Booking.objects.get(pk=booking.pk).starts_at == TUESDAY_9


# Add to calendar.


@pytest.mark.django_db
def test_the_calendar_link_downloads_the_appointment(client, booking):
    response = client.get(_url(booking, links.CALENDAR))

    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]).startswith(f"{booking.reference}@")
    assert event.decoded("dtstart") == TUESDAY_9
    assert "Central Library" in event["location"]
    assert "Your latest council tax bill" in event["description"]
