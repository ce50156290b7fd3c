"""Reception books and changes appointments for a resident (assisted, recorded): "Book an
appointment" from the day's list opens the booking journey in assisted mode at the desk's
location, and "Change time" moves a booking to another free time.

The clock is Monday 1 June 2026, 8am; the Civic Centre offers council tax advice on weekdays from
9am to midday, two desks.
"""

import datetime as dt

from django.contrib.auth.models import Permission

import pytest
import time_machine
from bs4 import BeautifulSoup

from forms_app.bookings.availability import free_times
from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking
from forms_app.bookings.questions import slot_value
from forms_app.bookings.seats import take_seat
from forms_app.cases.enums import UpdateKind
from forms_app.notifications.models import Notification
from tests.factories.casework import CaseFactory
from tests.factories.users import UserFactory, sign_in_verified

from .booking_setup import answer, confirm, make_booking_page, make_queue
from .conftest import london

pytestmark = pytest.mark.django_db

DESK = "/admin/reception-desk/"
MONDAY_8 = london(2026, 6, 1, 8, 0)
TUESDAY = dt.date(2026, 6, 2)
TUESDAY_9 = london(2026, 6, 2, 9, 0)
TUESDAY_1030 = london(2026, 6, 2, 10, 30)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(MONDAY_8, tick=False) as traveller:
        yield traveller


@pytest.fixture
def assisting(reception):
    reception.user.user_permissions.add(Permission.objects.get(codename="assist_residents"))
    return reception


@pytest.fixture
def booking_page(service_page, appointment_type, schedule):
    page = make_booking_page(service_page, [appointment_type])
    make_queue(page)
    return page


@pytest.fixture
def aled(schedule, appointment_type, location):
    case = CaseFactory(resident_name="Aled Jones", resident_email="aled@example.com")
    return take_seat(
        appointment_type, location, TUESDAY_9, now=MONDAY_8, reference=case.reference, case=case
    )


def _main(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(soup.find("main").get_text(" ").split())


def _desk(client, location, day=TUESDAY):
    return client.get(DESK, {"location": location.pk, "day": day.isoformat()})


# Book for a resident.


def test_reception_books_for_a_resident_in_assisted_mode_at_the_desks_place(
    assisting, booking_page, location
):
    day_list = _desk(assisting, location).content.decode()
    assert "Book an appointment" in day_list

    started = assisting.post(f"{DESK}book/", {"location": location.pk})

    assert started.status_code == 302
    assert started["Location"] == booking_page.url
    place = assisting.get(f"{booking_page.url}place/")
    chosen = BeautifulSoup(place.content.decode(), "html.parser").find(
        "input", {"name": "location", "checked": True}
    )
    assert chosen is not None and chosen["value"] == str(location.pk)

    for step, data in (
        ("place", {"location": str(location.pk)}),
        ("day", {"day": TUESDAY.isoformat()}),
        ("time", {"time": slot_value(TUESDAY_1030)}),
        # At the desk a resident may have no email address or phone.
        ("your-details", {"full_name": "Dilys Price", "email": "", "mobile": ""}),
        ("adjustments", {}),
    ):
        response = answer(assisting, booking_page, step, data)
        assert response.status_code == 302, (step, _main(response))
    check = assisting.get(f"{booking_page.url}check-your-answers/")
    sent = confirm(assisting, booking_page, check)

    assert sent.status_code == 302
    booking = Booking.objects.get(starts_at=TUESDAY_1030)
    assert booking.booked_by == assisting.user
    assert booking.case.assisted_by == assisting.user
    assert booking.case.resident_name == "Dilys Price"
    assert booking.location == location


def test_with_several_booking_pages_reception_chooses_one(
    assisting, booking_page, service_page, appointment_type, location
):
    other = make_booking_page(
        service_page, [appointment_type], title="Book council tax help", slug="book-help"
    )

    choice = assisting.post(f"{DESK}book/", {"location": location.pk})

    assert choice.status_code == 200
    assert "Book council tax help" in _main(choice)
    started = assisting.post(f"{DESK}book/", {"location": location.pk, "page": other.pk})
    assert started["Location"] == other.url


def test_without_a_booking_page_reception_is_told(assisting, schedule, location):
    response = assisting.post(f"{DESK}book/", {"location": location.pk}, follow=True)
    assert "No published booking page offers appointments at Civic Centre." in _main(response)


def test_staff_who_may_not_assist_see_no_book_button_and_are_refused(
    reception, booking_page, location
):
    assert "Book an appointment" not in _desk(reception, location).content.decode()
    refused = reception.post(f"{DESK}book/", {"location": location.pk})
    # The admin sends staff back to its dashboard, saying they may not do that.
    assert (refused.status_code, refused.url) == (302, "/admin/")
    assert not reception.get(f"{booking_page.url}place/").context.get("assisting")


# Change the time.


def test_change_time_lists_free_times_by_day_and_moves_the_seat(
    reception, aled, appointment_type, location
):
    assert "Change time" in _desk(reception, location).content.decode()
    url = f"{DESK}{aled.pk}/change/"

    first = _main(reception.get(url))
    assert "Days with free times" in first
    assert "Tuesday 2 June 2026" in first and "Wednesday 3 June 2026" in first
    assert "Free times on Monday 1 June 2026" in first
    text = _main(reception.get(url, {"day": "2026-06-02"}))
    assert "Free times on Tuesday 2 June 2026" in text
    # Every free time that day but the booking's own.
    assert "Move to 10:30am" in text and "Move to 9am" not in text
    assert (
        "Wednesday 3 June 2026"
        in _main(reception.get(url, {"day": "2026-06-03"})).split("Free times on")[1]
    )

    moved = reception.post(url, {"time": slot_value(TUESDAY_1030)})

    assert moved.status_code == 302
    aled.refresh_from_db()
    assert aled.status == BookingStatus.MOVED
    new = aled.moved_to
    assert new.starts_at == TUESDAY_1030 and new.reference == aled.reference
    # The old time is bookable again at once (two desks: both free at 9 now).
    assert TUESDAY_9 in [free.starts_at for free in free_times(appointment_type, location, TUESDAY)]
    note = new.case.updates.filter(kind=UpdateKind.NOTE).last()
    assert note.text == (
        "Appointment moved by reception from 2026-06-02 09:00 to 2026-06-02 10:30."
    )
    assert note.author == reception.user
    assert new.events.get().by == reception.user
    assert Notification.objects.filter(case=new.case, kind="booking_changed").exists()
    shown = _desk(reception, location).content.decode()
    assert "is moved to 10:30am on Tuesday 2 June 2026" in shown


def test_change_into_a_time_just_taken_says_so_and_changes_nothing(
    reception, aled, appointment_type, location
):
    for name in ("Bethan", "Carys"):
        take_seat(appointment_type, location, TUESDAY_1030, case=CaseFactory(resident_name=name))

    response = reception.post(f"{DESK}{aled.pk}/change/", {"time": slot_value(TUESDAY_1030)})

    assert response.status_code == 200
    assert "That time has just been taken. Choose another time." in response.content.decode()
    aled.refresh_from_db()
    assert aled.status == BookingStatus.BOOKED and aled.starts_at == TUESDAY_9


def test_a_cancelled_booking_cannot_be_moved(reception, aled):
    from forms_app.bookings.seats import release_seat

    release_seat(aled)
    page = reception.get(f"{DESK}{aled.pk}/change/")
    assert "This appointment’s time cannot be changed now." in _main(page)
    response = reception.post(f"{DESK}{aled.pk}/change/", {"time": slot_value(TUESDAY_1030)})
    assert response.status_code == 302
    assert not Booking.objects.filter(starts_at=TUESDAY_1030).exists()


def test_staff_without_the_desk_permission_cannot_change_a_time(client, aled):
    user = UserFactory(username="waste")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)
    for response in [
        client.get(f"{DESK}{aled.pk}/change/"),
        client.post(f"{DESK}{aled.pk}/change/", {"time": slot_value(TUESDAY_1030)}),
    ]:
        assert (response.status_code, response.url) == (302, "/admin/")
    aled.refresh_from_db()
    assert aled.status == BookingStatus.BOOKED
