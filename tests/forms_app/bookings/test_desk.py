"""Reception staff see a location's day, mark each resident's progress, add walk-ins, export the
list and read the service standard."""

import csv
import datetime as dt
import io

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking
from forms_app.bookings.reports import service_standard
from forms_app.bookings.seats import release_seat, take_seat
from forms_app.notifications.models import Notification
from tests.factories.casework import CaseFactory
from tests.factories.users import UserFactory, sign_in_verified

from .conftest import london

pytestmark = pytest.mark.django_db

DESK = "/admin/reception-desk/"
BOOKED_ON = london(2026, 6, 1, 8, 0)
TUESDAY = dt.date(2026, 6, 2)


@pytest.fixture
def tuesday(schedule, appointment_type, location):
    """Three bookings on Tuesday morning: Aled at 9, Bethan at 9:30, and a cancelled one."""
    aled = take_seat(
        appointment_type,
        location,
        london(2026, 6, 2, 9, 0),
        now=BOOKED_ON,
        case=CaseFactory(resident_name="Aled Jones", resident_email="aled@example.com"),
    )
    bethan = take_seat(
        appointment_type,
        location,
        london(2026, 6, 2, 9, 30),
        now=BOOKED_ON,
        case=CaseFactory(resident_name="Bethan Evans"),
    )
    gone = take_seat(appointment_type, location, london(2026, 6, 2, 10, 0), now=BOOKED_ON)
    release_seat(gone)
    return aled, bethan


def _desk(client, location, day=TUESDAY):
    return client.get(DESK, {"location": location.pk, "day": day.isoformat()})


def test_the_day_lists_each_resident_with_their_time(reception, tuesday, location):
    html = _desk(reception, location).content.decode()
    assert "Civic Centre: Tuesday 2 June 2026" in html
    assert html.index("Aled Jones") < html.index("Bethan Evans")
    assert "09:00" in html and "09:30" in html
    assert "Check in" in html


def test_check_in_call_and_complete_with_the_times(reception, tuesday, location):
    aled, _bethan = tuesday
    url = f"{DESK}{aled.pk}/status/"
    with time_machine.travel(london(2026, 6, 2, 8, 55), tick=False):
        response = reception.post(url, {"status": "checked_in"})
    assert response.status_code == 302
    assert f"location={location.pk}" in response.url and "day=2026-06-02" in response.url
    with time_machine.travel(london(2026, 6, 2, 9, 3), tick=False):
        reception.post(url, {"status": "being_seen"})
    with time_machine.travel(london(2026, 6, 2, 9, 25), tick=False):
        reception.post(url, {"status": "completed"})
        html = _desk(reception, location).content.decode()
    aled.refresh_from_db()
    assert aled.status == BookingStatus.COMPLETED
    assert aled.checked_in_at == london(2026, 6, 2, 8, 55)
    assert aled.called_at == london(2026, 6, 2, 9, 3)
    assert [e.by for e in aled.events.all()][1:] == [reception.user] * 3
    assert "08:55" in html and "09:03" in html and "09:25" in html


def test_mark_a_no_show_and_a_second_click_changes_nothing(reception, tuesday, location):
    _aled, bethan = tuesday
    url = f"{DESK}{bethan.pk}/status/"
    reception.post(url, {"status": "no_show"})
    response = reception.post(url, {"status": "no_show"}, follow=True)
    assert "already did not attend" in response.content.decode()
    bethan.refresh_from_db()
    assert bethan.status == BookingStatus.NO_SHOW
    assert bethan.events.filter(to_status="no_show").count() == 1


def test_a_made_up_status_is_refused(reception, tuesday):
    aled, _ = tuesday
    response = reception.post(f"{DESK}{aled.pk}/status/", {"status": "cancelled"}, follow=True)
    assert "Choose what has happened from the buttons." in response.content.decode()
    aled.refresh_from_db()
    assert aled.status == BookingStatus.BOOKED


@time_machine.travel(london(2026, 6, 2, 11, 12), tick=False)
def test_add_a_walk_in_checked_in_now(reception, schedule, location, appointment_type):
    form = {"location": location.pk, "day": "2026-06-02", "appointment_type": appointment_type.pk}
    refused = reception.post(DESK, {**form, "name": ""})
    assert refused.status_code == 200
    assert "Enter their name." in refused.content.decode()
    assert not Booking.objects.exists()

    response = reception.post(DESK, {**form, "name": "Carys Morgan"}, follow=True)
    assert "Carys Morgan is on today’s list, checked in." in response.content.decode()
    walk_in = Booking.objects.get()
    assert walk_in.walk_in and walk_in.slot is None
    assert walk_in.status == BookingStatus.CHECKED_IN
    assert walk_in.checked_in_at == london(2026, 6, 2, 11, 12)
    assert walk_in.booked_by == reception.user


def test_the_days_list_downloads_as_csv(reception, tuesday, location):
    response = reception.get(
        DESK + "export/", {"location": location.pk, "day": TUESDAY.isoformat()}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Time", "Reference", "Name"]
    assert [row[2] for row in rows[1:]] == ["Aled Jones", "Bethan Evans", ""]
    assert rows[3][5] == "Cancelled"


def test_staff_without_the_desk_permission_are_refused(client, tuesday, location):
    user = UserFactory(username="waste")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)
    aled, _ = tuesday
    # The admin sends staff back to its dashboard, saying they may not do that.
    for response in [
        _desk(client, location),
        client.post(f"{DESK}{aled.pk}/status/", {"status": "checked_in"}),
        client.get(DESK + "export/"),
        client.get("/admin/reception-service-standard/"),
    ]:
        assert (response.status_code, response.url) == (302, "/admin/")
    assert "Reception desk" not in client.get("/admin/").content.decode()
    aled.refresh_from_db()
    assert aled.status == BookingStatus.BOOKED


def test_service_standard_counts_on_time_no_shows_and_capacity(reception, tuesday):
    aled, bethan = tuesday
    aled.transition(BookingStatus.CHECKED_IN, at=london(2026, 6, 2, 8, 55))
    aled.transition(BookingStatus.BEING_SEEN, at=london(2026, 6, 2, 9, 4))
    bethan.transition(BookingStatus.NO_SHOW, at=london(2026, 6, 2, 10, 30))
    rows = service_standard(1, now=london(2026, 6, 5, 17, 0))
    assert len(rows) == 1
    week = rows[0]
    assert week.week == dt.date(2026, 6, 1)
    assert (week.appointments, week.seen, week.seen_on_time, week.no_shows) == (2, 1, 1, 1)
    # Weekdays 9 to 12, half-hour slots, two desks: 5 × 6 × 2 seats.
    assert week.seats_offered == 60
    assert week.seats_taken == 2
    assert week.on_time_share == 100.0
    assert week.no_show_rate == 50.0
    assert week.capacity_used == pytest.approx(3.3)
    late = service_standard(1, now=london(2026, 6, 5, 17, 0), within_minutes=3)[0]
    assert late.on_time_share == 0.0

    with time_machine.travel(london(2026, 6, 5, 17, 0), tick=False):
        html = reception.get("/admin/reception-service-standard/", {"weeks": "1"}).content
        refused = reception.get("/admin/reception-service-standard/", {"weeks": "99"}).content
    assert "50%" in html.decode() and "100%" in html.decode()
    assert "Enter a number of weeks from 1 to 52." in refused.decode()


def test_the_desk_reads_a_fixed_number_of_queries_however_busy(
    reception, schedule, appointment_type, location
):
    take_seat(appointment_type, location, london(2026, 6, 2, 9, 0), now=BOOKED_ON)
    _desk(reception, location)  # the first request of a session reads a few things once
    with CaptureQueriesContext(connection) as quiet:
        _desk(reception, location)
    for hour, minute in [(9, 30), (10, 0), (10, 30), (11, 0), (11, 30)]:
        take_seat(
            appointment_type,
            location,
            london(2026, 6, 2, hour, minute),
            now=BOOKED_ON,
            case=CaseFactory(resident_name="Dafydd Rees"),
        )
    with CaptureQueriesContext(connection) as busy:
        html = _desk(reception, location).content.decode()
    assert html.count("Dafydd Rees") == 5
    assert len(busy) == len(quiet)


def test_the_desk_says_what_to_do_before_any_schedule_exists(reception):
    html = reception.get(DESK).content.decode()
    assert "No location offers appointments yet." in html
    assert "There is a problem" not in html


def test_reception_cancels_for_a_resident_after_checking(reception, tuesday, location):
    aled, _bethan = tuesday
    url = f"{DESK}{aled.pk}/cancel/"
    page = reception.get(url).content.decode()
    assert "Aled Jones" in page and "Tuesday 2 June 2026, 09:00" in page
    assert "Yes, cancel this appointment" in page
    assert f'{DESK}{aled.pk}/cancel/"' in _desk(reception, location).content.decode()

    response = reception.post(url, {"reason": "Phoned: feeling unwell"}, follow=True)
    assert f"{aled.reference} is cancelled. The time can be booked again." in (
        response.content.decode()
    )
    aled.refresh_from_db()
    assert aled.status == BookingStatus.CANCELLED
    assert aled.slot.taken == 0
    assert [u.text for u in aled.case.updates.filter(kind="note")] == [
        "Appointment cancelled by reception for the resident. Reason: Phoned: feeling unwell"
    ]
    assert aled.events.last().by == reception.user
    # Aled is told in writing, as when a resident cancels by their link.
    told = Notification.objects.get(case=aled.case, kind="booking_cancelled")
    assert (told.channel, told.recipient) == ("email", "aled@example.com")

    again = reception.post(url, {"reason": ""}, follow=True).content.decode()
    assert "is already cancelled: nothing was cancelled." in again
    assert aled.case.updates.filter(kind="note").count() == 1
    assert Notification.objects.filter(case=aled.case, kind="booking_cancelled").count() == 1
