"""The confirmation page is the slip a resident helped at reception takes home.

It names the council, the form, when it was sent and the reference; says what was sent to the
resident only when something was (an email or a text), otherwise to keep the page; and gives the
whole address to check progress at, since a printed path leads nowhere. What prints is checked in
the browser (tests/e2e/test_journeys.py); these check what the page says.
"""

from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.models import Locale

import pytest

from forms_app.journeys.models import Submission
from tests.factories.users import sign_in_verified
from tests.forms_app.cases.test_assisted import (
    CONTACT,
    _soup,
    _start,
    _text,
    complete_missed_bin,
    missed_bin,  # noqa: F401
    reception,  # noqa: F401
)

pytestmark = pytest.mark.django_db

PUBLIC = "https://www.testshire.gov.uk"
NO_EMAIL = (
    "No confirmation email or text message was sent. Keep this page, or print it, as your record."
)


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PUBLIC_BASE_URL = PUBLIC


@pytest.fixture
def at_reception(client, reception):  # noqa: F811
    sign_in_verified(client, reception)
    _start(client)
    return client


def test_a_resident_with_no_email_is_told_none_was_sent_and_to_keep_the_slip(
    at_reception,
    missed_bin,  # noqa: F811
):
    slip = complete_missed_bin(
        at_reception, missed_bin, {"full_name": "Sam Jones", "email": "", "phone": ""}
    )
    text = _text(slip)
    assert "We have sent a confirmation email" not in text
    assert "sent a text message" not in text
    assert NO_EMAIL in text

    submission = Submission.objects.get()
    sent_at = timezone.localtime(submission.created_at)
    soup = _soup(slip)
    # The council, the form, when, the reference grouped as it is read out.
    assert soup.select_one(".townhall-print-only").get_text(strip=True) == "Testshire Council"
    summary = " ".join(soup.select_one(".govuk-summary-list").get_text(" ").split())
    reference = f"{submission.reference[:4]} {submission.reference[4:]}"
    assert "Form Report a missed bin collection" in summary
    assert f"Sent {sent_at:%-d %B %Y, %H:%M}" in summary
    assert f"Reference number {reference}" in summary
    # Where to check progress, as the whole address, in the link's own words.
    link = soup.select_one("a.townhall-link--address")
    assert link["href"] == link.get_text() == f"{PUBLIC}/check-progress/"
    assert "Phone: 01632 960 999" in text
    assert "Print this page for the resident" in text
    # Started by a static script: the Content-Security-Policy refuses an onclick attribute.
    assert soup.select_one("button[data-townhall-print]") is not None
    assert soup.select("[onclick]") == []


def test_an_email_given_is_named_as_sent(at_reception, missed_bin):  # noqa: F811
    text = _text(complete_missed_bin(at_reception, missed_bin, CONTACT))
    assert "We have sent a confirmation email to sam@example.com." in text
    assert NO_EMAIL not in text


def test_an_email_the_queue_does_not_send_is_not_claimed(
    at_reception,
    missed_bin,  # noqa: F811
    waste_queue,
):
    waste_queue.notify_resident = False
    waste_queue.save()
    text = _text(complete_missed_bin(at_reception, missed_bin, CONTACT))
    assert "We have sent a confirmation email" not in text
    assert NO_EMAIL in text


def test_a_mobile_number_alone_gets_a_text(at_reception, missed_bin):  # noqa: F811
    contact = {"full_name": "Sam Jones", "email": "", "phone": "07700 900123"}
    text = _text(complete_missed_bin(at_reception, missed_bin, contact))
    assert "We have sent a text message to +447700900123." in text
    assert "We have sent a confirmation email" not in text


def test_links_in_what_happens_next_carry_the_whole_address(at_reception, missed_bin):  # noqa: F811
    missed_bin.what_happens_next = '<p>See <a href="/bin-days/">bin days</a>.</p>'
    missed_bin.save()
    slip = complete_missed_bin(at_reception, missed_bin, CONTACT)
    hrefs = [a["href"] for a in _soup(slip).select("main a")]
    assert f"{PUBLIC}/bin-days/" in hrefs
    assert "/bin-days/" not in hrefs


def test_the_slip_is_in_welsh_for_a_welsh_form(
    at_reception,
    missed_bin,  # noqa: F811
):
    welsh = missed_bin.copy_for_translation(
        Locale.objects.get_or_create(language_code="cy")[0], copy_parents=True
    )
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    slip = complete_missed_bin(
        at_reception, welsh, {"full_name": "Sam Jones", "email": "", "phone": ""}
    )
    text = _text(slip)
    with translation.override("cy"):
        no_email = translation.gettext(NO_EMAIL)
    # Until the lead applies this branch's Welsh, the message is the English one.
    assert no_email in text
    assert f"{PUBLIC}/cy/check-progress/" in text
    # The date in Welsh words, as the rest of the slip.
    sent_at = timezone.localtime(Submission.objects.get().created_at)
    with translation.override("cy"):
        assert date_format(sent_at, "j F Y") in text
