"""Residents book an appointment in the browser, change its time by the link in the confirmation,
then cancel it: with JavaScript off, and with it on in English and in Welsh, where axe checks
every page on the way (the error state and the link pages included).

The demo council is seeded (with its Welsh translation and its "Book an appointment" page), so
the days and times offered are real ones from now on.
"""

import io
import re

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from forms_app.bookings.enums import BookingStatus
from forms_app.bookings.models import Booking
from forms_app.bookings.pages import BookingPage

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

REFERENCE = re.compile(r"[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}")


@pytest.fixture
def council(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2026")
    call_command("seed_demo", stdout=io.StringIO())


class Resident:
    """Books in one tab; with JavaScript on, every page is checked with axe."""

    def __init__(self, page, *, js):
        self.page = page
        self.js = js
        self.checked = []

    def audit(self):
        if self.js:
            assert axe_violations(self.page) == [], self.page.url
        self.checked.append(self.page.url)

    def go(self, url):
        self.page.goto(url)
        self.audit()

    def submit(self):
        """The page's main button (its words differ by page and language)."""
        with self.page.expect_navigation():
            self.page.locator("main form button[type=submit]").first.click()
        self.audit()

    def choose_first(self, name):
        self.page.locator(f"input[name={name}]").first.check()
        self.submit()

    def heading(self):
        return " ".join(self.page.locator("h1").first.inner_text().split())

    def book(self, booking_page):
        page = self.page
        self.go(booking_page.url)
        if page.locator("input[name=appointment_type]").count():
            self.choose_first("appointment_type")
        self.choose_first("location")
        assert page.locator("input[name=day]").count() > 0, "no day offered"
        self.choose_first("day")
        chosen_day = self.heading()
        self.choose_first("time")
        # Neither an email address nor a mobile: the GOV.UK error state, nothing lost.
        page.locator("input[name=full_name]").fill("Sam Jones")
        self.submit()
        assert page.title().startswith(("Error:", "Gwall:"))
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        expect(page.locator("input[name=full_name]")).to_have_value("Sam Jones")
        page.locator("input[name=email]").fill("sam@example.com")
        page.locator("input[name=mobile]").fill("07700 900982")
        self.submit()
        page.locator("input[name=adjustments][value=step_free]").check()
        self.submit()  # to check your answers
        assert page.locator(".govuk-summary-list__row").count() >= 6
        self.submit()  # confirm
        panel = page.locator(".govuk-panel--confirmation")
        expect(panel).to_be_visible()
        reference = REFERENCE.search(panel.inner_text()).group(0)
        links = {
            "change": page.locator("a[href*='/appointments/change/']").first.get_attribute("href"),
            "cancel": page.locator("a[href*='/appointments/cancel/']").first.get_attribute("href"),
            "calendar": page.locator("a[href*='/appointments/calendar/']").first.get_attribute(
                "href"
            ),
        }
        return reference.replace(" ", ""), chosen_day, links

    def change(self, url):
        self.go(url)
        self.choose_first("day")
        self.choose_first("time")
        expect(self.page.locator(".govuk-panel--confirmation")).to_be_visible()

    def cancel(self, url):
        self.go(url)
        expect(self.page.locator(".govuk-warning-text")).to_be_visible()
        self.submit()
        expect(self.page.locator(".govuk-panel--confirmation")).to_be_visible()
        self.go(url)  # the link again: it says the appointment is already cancelled


def _journey(resident, booking_page):
    reference, _day, links = resident.book(booking_page)
    booked = Booking.objects.get(reference=reference, status=BookingStatus.BOOKED)
    assert booked.case is not None

    resident.change(links["change"])
    moved = Booking.objects.get(reference=reference, status=BookingStatus.BOOKED)
    assert moved.starts_at != booked.starts_at
    assert Booking.objects.get(pk=booked.pk).status == BookingStatus.MOVED

    resident.cancel(links["cancel"])
    assert Booking.objects.get(pk=moved.pk).status == BookingStatus.CANCELLED
    return links


def test_book_change_and_cancel_with_javascript_off(page_without_js, council):
    booking_page = BookingPage.objects.get(locale__language_code="en")
    resident = Resident(page_without_js, js=False)

    links = _journey(resident, booking_page)

    body = page_without_js.locator("main").inner_text()
    assert "This appointment has already been cancelled" in body
    calendar = page_without_js.request.get(links["calendar"])
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert "METHOD:CANCEL" in calendar.text()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_booking_page_passes_axe(page, council, language):
    booking_page = BookingPage.objects.get(locale__language_code=language)
    resident = Resident(page, js=True)

    _journey(resident, booking_page)

    expect(page.locator("html")).to_have_attribute("lang", language)
    # Steps, error state, check answers, confirmation, two change pages and its done page, cancel,
    # its done page and the cancelled link again.
    assert len(resident.checked) >= 15
