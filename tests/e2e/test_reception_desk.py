"""Reception staff run the day at the desk in the browser: check one resident in, call them,
mark them completed, and mark another as did not attend; axe finds nothing on the desk page in
English or Welsh."""

import datetime as dt
import re

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest
from playwright.sync_api import expect

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking
from forms_app.bookings.seats import take_seat
from tests.factories import LocationPageFactory, UserFactory
from tests.factories.bookings import AppointmentTypeFactory, BookableScheduleFactory
from tests.factories.casework import CaseFactory

from .conftest import axe_violations, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "front-desk-2026"
RECEPTION_PERMISSIONS = [
    "access_admin",
    "view_booking",
    "change_booking",
    "work_reception_desk",
    "assist_residents",
]


@pytest.fixture
def todays_list(service_page):
    location = LocationPageFactory(parent=service_page.get_parent(), title="Civic Centre")
    appointment_type = AppointmentTypeFactory(name="Council tax advice")
    BookableScheduleFactory(
        location=location,
        appointment_type=appointment_type,
        hours={day: [(dt.time(9), dt.time(12))] for day in range(7)},
        open_on_bank_holidays=True,
    )
    today = timezone.localdate()
    yesterday = timezone.now() - dt.timedelta(days=1)
    tz = timezone.get_default_timezone()
    bookings = [
        take_seat(
            appointment_type,
            location,
            dt.datetime.combine(today, time, tzinfo=tz),
            now=yesterday,
            case=CaseFactory(resident_name=name),
        )
        for time, name in [
            (dt.time(9), "Aled Jones"),
            (dt.time(9, 30), "Bethan Evans"),
            (dt.time(10), "Cerys Hughes"),
        ]
    ]
    group = Group.objects.create(name="Customer services")
    group.permissions.add(*Permission.objects.filter(codename__in=RECEPTION_PERMISSIONS))
    user = UserFactory(username="reception", first_name="Rhian", last_name="Evans")
    user.groups.add(group)
    user.set_password(PASSWORD)
    user.save()
    return user, bookings


def sign_in(page):
    sign_in_to_admin(page, "reception", PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_reception_checks_one_resident_in_and_marks_another_did_not_attend(page, todays_list):
    _user, (aled, bethan, _cerys) = todays_list
    sign_in(page)
    page.get_by_role("link", name="Reception desk").click()
    expect(page.get_by_role("heading", name="Reception desk", level=1)).to_be_visible()
    expect(page.get_by_text("Aled Jones")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("button", name=f"Check in {aled.reference}").click()
    expect(page.get_by_text(f"{aled.reference}: Checked in at")).to_be_visible()
    page.get_by_role("button", name=f"Call in {aled.reference}").click()
    page.get_by_role("button", name=f"Completed {aled.reference}").click()
    page.get_by_role("button", name=f"Did not attend {bethan.reference}").click()
    expect(page.get_by_text(f"{bethan.reference}: Did not attend at")).to_be_visible()
    # The admin's message slides in: check its colours once it has arrived.
    # (polled with evaluate: wait_for_function compiles its text, which the admin's policy
    # refuses, as it refuses any eval)
    for _ in range(50):
        if page.evaluate("() => document.getAnimations().every(a => a.playState !== 'running')"):
            break
        page.wait_for_timeout(100)
    assert axe_violations(page) == []

    aled.refresh_from_db()
    bethan.refresh_from_db()
    assert aled.status == BookingStatus.COMPLETED
    assert aled.checked_in_at <= aled.called_at <= aled.completed_at
    assert bethan.status == BookingStatus.NO_SHOW

    page.get_by_label("Their name").fill("Carys Morgan")
    page.get_by_label("What they need help with").select_option(label="Council tax advice")
    page.get_by_role("button", name="Add and check in").click()
    expect(page.get_by_text("Carys Morgan is on today’s list, checked in.")).to_be_visible()
    assert Booking.objects.get(walk_in=True).walk_in_name == "Carys Morgan"


def test_the_desk_in_welsh_has_no_axe_violations(page, todays_list):
    user, _bookings = todays_list
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "cy"
    profile.save()
    sign_in(page)
    page.goto("/admin/reception-desk/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_text("Aled Jones")).to_be_visible()
    assert axe_violations(page) == []


def test_reception_cancels_for_a_resident_who_phoned(page, todays_list):
    _user, (_aled, _bethan, cerys) = todays_list
    sign_in(page)
    page.goto("/admin/reception-desk/")
    page.get_by_role("link", name=f"Cancel {cerys.reference}").click()
    expect(page.get_by_text("Cerys Hughes")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Reason (optional)").fill("Phoned: feeling unwell")
    page.get_by_role("button", name="Yes, cancel this appointment").click()
    expect(page.get_by_text(f"{cerys.reference} is cancelled.")).to_be_visible()
    cerys.refresh_from_db()
    assert cerys.status == BookingStatus.CANCELLED


def test_reception_changes_a_residents_time(page, todays_list):
    _user, (_aled, _bethan, cerys) = todays_list
    sign_in(page)
    page.goto("/admin/reception-desk/")
    page.get_by_role("link", name=f"Change time {cerys.reference}").click()
    expect(page.get_by_role("heading", name="Days with free times")).to_be_visible()
    expect(page.get_by_text("Cerys Hughes")).to_be_visible()
    assert axe_violations(page) == []

    last_day = page.get_by_role("navigation", name="Days with free times").get_by_role("link").last
    last_day.click()
    # The day's page has loaded when its link is the current one (axe needs the new document).
    expect(
        page.get_by_role("navigation", name="Days with free times").get_by_role("link").last
    ).to_have_attribute("aria-current", "page")
    assert axe_violations(page) == []
    choice = page.get_by_role("button", name=re.compile(r"^Move to ")).first
    chosen = choice.inner_text().split()[-1]  # "Move to 9am": the time
    choice.click()

    expect(page.get_by_text(f"{cerys.reference} is moved to {chosen} on")).to_be_visible()
    cerys.refresh_from_db()
    assert cerys.status == BookingStatus.MOVED
    assert cerys.moved_to.status == BookingStatus.BOOKED


def test_reception_books_for_a_resident_at_the_desks_place(page, todays_list, service_page):
    from forms_app.bookings.models import AppointmentType
    from forms_app.bookings.pages import BookingPage

    booking_page = BookingPage(
        title="Book an appointment",
        slug="book",
        confirmation_heading="Appointment booked",
        what_happens_next="<p>Come to the front desk 5 minutes early.</p>",
    )
    service_page.add_child(instance=booking_page)
    booking_page.appointment_types.set(AppointmentType.objects.all())
    booking_page.save_revision().publish()
    sign_in(page)
    page.goto("/admin/reception-desk/")

    page.get_by_role("button", name="Book an appointment").click()

    expect(page).to_have_url(re.compile(r"/book/place/$"))
    expect(page.get_by_label("Civic Centre")).to_be_checked()
    assert axe_violations(page) == []
