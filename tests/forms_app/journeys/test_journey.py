"""A resident's journey through an online form, through the test client: what they see at each
step, where each button takes them, and the rows the site writes when they send it."""

import io
import json
import re
import socket
import time
from datetime import timedelta
from urllib.parse import unquote, urlparse

from django.core import mail, signing
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils import timezone

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from forms_app.cases.models import Case
from forms_app.journeys import resume
from forms_app.journeys.models import SavedProgress, Submission
from forms_app.journeys.references import ALPHABET
from forms_app.notifications.models import Notification
from tests.baseline import migrate, restore_wagtail_baseline
from tests.factories import publish_translation
from tests.factories.journeys import ADDRESS, JourneyPageFactory

pytestmark = pytest.mark.django_db

CONTACT = {"full_name": "Sam Jones", "email": "sam@example.com", "phone": "01632 960001"}
GROUPED_REFERENCE = re.compile(rf"\b[{ALPHABET}]{{4}} [{ALPHABET}]{{4}}\b")


# What the resident sees --------------------------------------------------------------------------


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _title(response):
    return _soup(response).title.get_text(strip=True)


def _main_text(response):
    return " ".join(_soup(response).find("main").get_text(" ").split())


def _h1(response):
    return " ".join(_soup(response).find("main").find("h1").get_text(" ").split())


def _redirect(response):
    assert response.status_code == 302, response.status_code
    return response["Location"]


def _summary_rows(response):
    """Check your answers as the resident reads it: question -> (answer lines, Change link)."""
    rows = {}
    for row in _soup(response).select(".govuk-summary-list__row"):
        key = row.select_one(".govuk-summary-list__key").get_text(strip=True)
        value = row.select_one(".govuk-summary-list__value")
        lines = [line.strip() for line in value.get_text("\n").split("\n") if line.strip()]
        rows[key] = (lines, row.select_one(".govuk-summary-list__actions a")["href"])
    return rows


def _error_summary(response):
    return [
        (link["href"], " ".join(link.get_text().split()))
        for link in _soup(response).select(".govuk-error-summary a")
    ]


def _input_value(response, name):
    return _soup(response).find("input", attrs={"name": name}).get("value", "")


def _send_token(response):
    return (
        _soup(response)
        .find("form", attrs={"method": "post", "novalidate": True})
        .find("input", attrs={"name": "token"})["value"]
    )


# Walking a form ----------------------------------------------------------------------------------


def _answer(client, page, slug, data, **extra):
    return client.post(f"{page.url}{slug}/", data, **extra)


def _answer_missed_bin(client, page, bin="general", contact=CONTACT):
    """Answer every page of the missed-bin form; returns the check-answers response."""
    url = page.url
    assert _redirect(_answer(client, page, "bin-type", {"bin": bin})) == (
        f"{url}garden-subscription/" if bin == "garden" else f"{url}collection-day/"
    )
    if bin == "garden":
        response = _answer(client, page, "garden-subscription", {"garden_subscription": "yes"})
        assert _redirect(response) == f"{url}collection-day/"
    assert _redirect(_answer(client, page, "collection-day", {"due_today": "no"})) == (
        f"{url}address/"
    )
    assert _redirect(_answer(client, page, "address", ADDRESS)) == f"{url}contact-details/"
    assert _redirect(_answer(client, page, "contact-details", contact)) == (
        f"{url}check-your-answers/"
    )
    response = client.get(f"{url}check-your-answers/")
    assert response.status_code == 200
    return response


def _send(client, page, token, **extra):
    return client.post(f"{page.url}check-your-answers/", {"token": token, "website": ""}, **extra)


def _complete_and_send(client, page):
    token = _send_token(_answer_missed_bin(client, page))
    return _send(client, page, token)


def _reference_on(response):
    panel = _soup(response).select_one(".govuk-panel__body strong")
    return panel.get_text(strip=True)


# The whole journey ------------------------------------------------------------------------------


def test_start_opens_the_first_question(client, missed_bin):
    response = client.get(missed_bin.url)

    assert _redirect(response) == f"{missed_bin.url}bin-type/"
    page = client.get(f"{missed_bin.url}bin-type/")
    assert page.status_code == 200
    assert _h1(page) == "Which bin was missed?"
    assert _title(page).startswith("Which bin was missed? – Report a missed bin collection")
    back = _soup(page).select_one("a.govuk-back-link")["href"]
    assert back == missed_bin.get_parent().url


def test_missed_bin_report_reaches_confirmation_and_is_recorded(client, missed_bin):
    check = _answer_missed_bin(client, missed_bin)

    assert _h1(check) == "Check your answers before sending your form"
    rows = _summary_rows(check)
    assert {key: lines for key, (lines, _) in rows.items()} == {
        "Which bin was missed?": ["General waste (black bin)"],
        "Was your bin due to be collected today?": ["No"],
        "Where was the bin missed?": ["12 Heol Ddu", "Glanrhyd", "GR1 1AA"],
        "Full name": ["Sam Jones"],
        "Email address": ["sam@example.com"],
        "Phone number": ["01632 960 001"],
    }

    sent = _send(client, missed_bin, _send_token(check))

    assert _redirect(sent) == f"{missed_bin.url}confirmation/"
    confirmation = client.get(f"{missed_bin.url}confirmation/")
    assert confirmation.status_code == 200
    assert _title(confirmation).startswith("Report sent")
    submission = Submission.objects.get()
    shown = _reference_on(confirmation)
    assert GROUPED_REFERENCE.fullmatch(shown)
    assert shown == f"{submission.reference[:4]} {submission.reference[4:]}"
    assert "Report sent" in _main_text(confirmation)
    assert "What happens next" in _main_text(confirmation)
    assert "within 2 working days" in _main_text(confirmation)
    assert "01632 960 999" in _main_text(confirmation)

    assert submission.journey_id == missed_bin.pk
    assert submission.journey_title == "Report a missed bin collection"
    assert submission.language == "en"
    assert submission.answers == [
        {
            "name": "bin",
            "type": "radios",
            "label": "Which bin was missed?",
            "value": "general",
            "display": "General waste (black bin)",
            "role": "",
            "sensitive": False,
        },
        {
            "name": "due_today",
            "type": "yes_no",
            "label": "Was your bin due to be collected today?",
            "value": "no",
            "display": "No",
            "role": "",
            "sensitive": False,
        },
        {
            "name": "address",
            "type": "address",
            "label": "Where was the bin missed?",
            "value": {
                "line_1": "12 Heol Ddu",
                "line_2": "",
                "town": "Glanrhyd",
                "postcode": "GR1 1AA",
            },
            "display": "12 Heol Ddu\nGlanrhyd\nGR1 1AA",
            "role": "address",
            "sensitive": False,
        },
        {
            "name": "full_name",
            "type": "text",
            "label": "Full name",
            "value": "Sam Jones",
            "display": "Sam Jones",
            "role": "name",
            "sensitive": False,
        },
        {
            "name": "email",
            "type": "email",
            "label": "Email address",
            "value": "sam@example.com",
            "display": "sam@example.com",
            "role": "email",
            "sensitive": False,
        },
        {
            "name": "phone",
            "type": "phone",
            "label": "Phone number",
            "value": "+441632960001",
            "display": "01632 960 001",
            "role": "phone",
            "sensitive": False,
        },
    ]


def test_optional_question_left_empty_shows_not_provided(client, missed_bin):
    check = _answer_missed_bin(client, missed_bin, contact={**CONTACT, "phone": ""})

    assert _summary_rows(check)["Phone number"][0] == ["Not provided"]


def test_change_link_returns_to_the_question_then_straight_back(client, missed_bin):
    check = _answer_missed_bin(client, missed_bin)
    _, change_url = _summary_rows(check)["Phone number"]
    assert change_url == f"{missed_bin.url}contact-details/?change=1"

    question = client.get(change_url)

    assert question.status_code == 200
    assert _h1(question) == "Your contact details"
    assert _input_value(question, "full_name") == "Sam Jones"
    assert _input_value(question, "phone") == "01632 960 001"

    changed = client.post(change_url, {**CONTACT, "phone": "07700 900982"})

    assert _redirect(changed) == f"{missed_bin.url}check-your-answers/"
    rows = _summary_rows(client.get(f"{missed_bin.url}check-your-answers/"))
    assert rows["Phone number"][0] == ["07700 900 982"]
    assert rows["Which bin was missed?"][0] == ["General waste (black bin)"]


def test_changing_the_bin_keeps_the_resident_on_check_answers(client, missed_bin):
    check = _answer_missed_bin(client, missed_bin)
    _, change_url = _summary_rows(check)["Which bin was missed?"]

    question = client.get(change_url)
    assert (
        _soup(question).find("input", attrs={"name": "bin", "value": "general"}).has_attr("checked")
    )
    changed = client.post(change_url, {"bin": "food"})

    assert _redirect(changed) == f"{missed_bin.url}check-your-answers/"
    rows = _summary_rows(client.get(f"{missed_bin.url}check-your-answers/"))
    assert rows["Which bin was missed?"][0] == ["Food waste (grey caddy)"]
    assert rows["Where was the bin missed?"][0] == ["12 Heol Ddu", "Glanrhyd", "GR1 1AA"]


# Errors -----------------------------------------------------------------------------------------


def test_empty_required_answer_shows_gov_uk_error_and_keeps_answers(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "recycling"})
    _answer(client, missed_bin, "collection-day", {"due_today": "no"})
    _answer(client, missed_bin, "address", ADDRESS)

    response = _answer(
        client, missed_bin, "contact-details", {"full_name": "", "email": "sam@example.com"}
    )

    assert response.status_code == 200
    assert _title(response).startswith("Error: Your contact details")
    assert _soup(response).select_one(".govuk-error-summary") is not None
    assert _error_summary(response) == [("#id_full_name", "Enter an answer to ‘Full name’")]
    assert _soup(response).find(id="id_full_name") is not None
    assert "Enter an answer to ‘Full name’" in _main_text(response)
    # What they typed on this page, and what they answered before, are still there.
    assert _input_value(response, "email") == "sam@example.com"
    fixed = _answer(client, missed_bin, "contact-details", CONTACT)
    assert _redirect(fixed) == f"{missed_bin.url}check-your-answers/"
    rows = _summary_rows(client.get(f"{missed_bin.url}check-your-answers/"))
    assert rows["Which bin was missed?"][0] == ["Recycling (blue box and bag)"]
    assert rows["Where was the bin missed?"][0] == ["12 Heol Ddu", "Glanrhyd", "GR1 1AA"]


def test_address_errors_each_link_to_the_line_that_needs_fixing(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "general"})
    _answer(client, missed_bin, "collection-day", {"due_today": "no"})

    response = _answer(client, missed_bin, "address", {"address_0": "12 Heol Ddu"})

    assert _title(response).startswith("Error: ")
    assert _error_summary(response) == [
        ("#id_address_2", "Enter town or city"),
        ("#id_address_3", "Enter postcode"),
    ]
    assert _input_value(response, "address_0") == "12 Heol Ddu"


def test_no_error_prefix_in_the_title_before_an_answer_is_sent(client, missed_bin):
    response = client.get(f"{missed_bin.url}bin-type/")

    assert not _title(response).startswith("Error")
    assert _soup(response).select_one(".govuk-error-summary") is None


def test_radios_error_links_to_a_radio_the_resident_can_jump_to(client, missed_bin):
    response = _answer(client, missed_bin, "bin-type", {})

    assert _title(response).startswith("Error: Which bin was missed?")
    [(href, message)] = _error_summary(response)
    assert message == "Select an answer to ‘Which bin was missed?’"
    # GOV.UK Frontend moves focus to the element the link names; with no such element the link
    # does nothing, so a keyboard or screen reader user cannot get to the question.
    assert _soup(response).find(id=href.removeprefix("#")) is not None


# Branching --------------------------------------------------------------------------------------


def test_bin_due_today_goes_to_the_exit_page(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "general"})

    response = _answer(client, missed_bin, "collection-day", {"due_today": "yes"})

    assert _redirect(response) == f"{missed_bin.url}too-early/"
    exit_page = client.get(f"{missed_bin.url}too-early/")
    assert exit_page.status_code == 200
    assert _h1(exit_page) == "Wait until the end of your collection day"
    assert _title(exit_page).startswith("Wait until the end of your collection day")
    assert "report it from tomorrow morning" in _main_text(exit_page)
    assert "Continue" not in _main_text(exit_page)
    back = _soup(exit_page).select_one("a.govuk-back-link")["href"]
    assert back == f"{missed_bin.url}collection-day/"

    # There is no way on to check answers, or to send anything.
    assert _redirect(client.get(f"{missed_bin.url}check-your-answers/")) == (
        f"{missed_bin.url}too-early/"
    )
    assert _redirect(client.get(f"{missed_bin.url}address/")) == f"{missed_bin.url}too-early/"
    token = client.session[f"journey:{missed_bin.pk}"]["token"]
    assert _redirect(_send(client, missed_bin, token)) == f"{missed_bin.url}too-early/"
    assert not Submission.objects.exists()


def test_garden_bin_without_a_subscription_goes_to_the_exit_page(client, missed_bin):
    response = _answer(client, missed_bin, "bin-type", {"bin": "garden"})
    assert _redirect(response) == f"{missed_bin.url}garden-subscription/"
    question = client.get(f"{missed_bin.url}garden-subscription/")
    assert _h1(question) == "Do you pay for garden waste collections?"

    response = _answer(client, missed_bin, "garden-subscription", {"garden_subscription": "no"})

    assert _redirect(response) == f"{missed_bin.url}no-subscription/"
    exit_page = client.get(f"{missed_bin.url}no-subscription/")
    assert _h1(exit_page) == "You need a garden waste subscription"
    assert _redirect(client.get(f"{missed_bin.url}check-your-answers/")) == (
        f"{missed_bin.url}no-subscription/"
    )


def test_other_bins_skip_the_garden_question(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "recycling"})

    response = client.get(f"{missed_bin.url}garden-subscription/")

    assert _redirect(response) == f"{missed_bin.url}collection-day/"


def test_changed_answer_drops_answers_on_pages_no_longer_reached(client, missed_bin):
    check = _answer_missed_bin(client, missed_bin, bin="garden")
    assert _summary_rows(check)["Do you pay for garden waste collections?"][0] == ["Yes"]

    _, change_url = _summary_rows(check)["Which bin was missed?"]
    changed = client.post(change_url, {"bin": "general"})

    assert _redirect(changed) == f"{missed_bin.url}check-your-answers/"
    check = client.get(f"{missed_bin.url}check-your-answers/")
    assert "Do you pay for garden waste collections?" not in _summary_rows(check)
    assert "garden" not in _main_text(check).lower()
    _send(client, missed_bin, _send_token(check))
    names = [answer["name"] for answer in Submission.objects.get().answers]
    assert names == ["bin", "due_today", "address", "full_name", "email", "phone"]


def test_changing_to_a_branch_with_new_questions_asks_them(client, missed_bin):
    check = _answer_missed_bin(client, missed_bin, bin="general")
    _, change_url = _summary_rows(check)["Which bin was missed?"]

    changed = client.post(change_url, {"bin": "garden"})

    assert _redirect(changed) == f"{missed_bin.url}garden-subscription/?change=1"
    assert _redirect(client.get(f"{missed_bin.url}check-your-answers/")) == (
        f"{missed_bin.url}garden-subscription/"
    )
    # Once the new question is answered, the resident goes straight back to check their answers.
    answered = client.post(
        f"{missed_bin.url}garden-subscription/?change=1", {"garden_subscription": "yes"}
    )
    assert _redirect(answered) == f"{missed_bin.url}check-your-answers/"


def test_cannot_jump_ahead_to_a_later_question(client, missed_bin):
    url = missed_bin.url

    assert _redirect(client.get(f"{url}contact-details/")) == f"{url}bin-type/"
    assert _redirect(client.get(f"{url}check-your-answers/")) == f"{url}bin-type/"
    assert _redirect(client.get(f"{url}too-early/")) == f"{url}bin-type/"

    _answer(client, missed_bin, "bin-type", {"bin": "general"})

    assert _redirect(client.get(f"{url}address/")) == f"{url}collection-day/"
    assert _redirect(_answer(client, missed_bin, "contact-details", CONTACT)) == (
        f"{url}collection-day/"
    )
    assert client.get(f"{url}collection-day/").status_code == 200


def test_unknown_page_of_the_form_is_not_found(client, missed_bin):
    assert client.get(f"{missed_bin.url}no-such-page/").status_code == 404


# Sending once -----------------------------------------------------------------------------------


def test_sending_twice_with_one_token_makes_one_submission(client, missed_bin):
    token = _send_token(_answer_missed_bin(client, missed_bin))

    first = _send(client, missed_bin, token)
    first_reference = _reference_on(client.get(f"{missed_bin.url}confirmation/"))
    second = _send(client, missed_bin, token)
    second_reference = _reference_on(client.get(f"{missed_bin.url}confirmation/"))

    assert _redirect(first) == _redirect(second) == f"{missed_bin.url}confirmation/"
    assert Submission.objects.count() == 1
    assert first_reference == second_reference
    assert first_reference.replace(" ", "") == Submission.objects.get().reference


def test_replayed_send_from_another_browser_finds_the_same_submission(client, missed_bin):
    token = _send_token(_answer_missed_bin(client, missed_bin))
    _send(client, missed_bin, token)
    reference = _reference_on(client.get(f"{missed_bin.url}confirmation/"))

    replay = Client()
    response = _send(replay, missed_bin, token)

    assert _redirect(response) == f"{missed_bin.url}confirmation/"
    assert _reference_on(replay.get(f"{missed_bin.url}confirmation/")) == reference
    assert Submission.objects.count() == 1


def test_confirmation_can_be_refreshed(client, missed_bin):
    _complete_and_send(client, missed_bin)

    first = client.get(f"{missed_bin.url}confirmation/")
    again = client.get(f"{missed_bin.url}confirmation/")

    assert first.status_code == again.status_code == 200
    assert _reference_on(first) == _reference_on(again)
    assert GROUPED_REFERENCE.fullmatch(_reference_on(again))


def test_confirmation_without_a_submission_goes_to_the_start(client, missed_bin):
    response = client.get(f"{missed_bin.url}confirmation/")

    assert _redirect(response) == missed_bin.url


def test_back_after_sending_does_not_send_again(client, missed_bin):
    _complete_and_send(client, missed_bin)

    # Back to check answers: the answers have gone, so the form starts again.
    response = client.get(f"{missed_bin.url}check-your-answers/")
    assert _redirect(response) == f"{missed_bin.url}bin-type/"
    question = client.get(f"{missed_bin.url}contact-details/")
    assert _redirect(question) == f"{missed_bin.url}bin-type/"
    assert Submission.objects.count() == 1


def test_a_second_report_gets_its_own_reference(client, missed_bin):
    _complete_and_send(client, missed_bin)
    first = _reference_on(client.get(f"{missed_bin.url}confirmation/"))

    _complete_and_send(client, missed_bin)
    second = _reference_on(client.get(f"{missed_bin.url}confirmation/"))

    assert Submission.objects.count() == 2
    assert first != second


def test_a_reference_already_given_is_never_given_again(client, missed_bin, monkeypatch):
    _complete_and_send(client, missed_bin)
    taken = Submission.objects.get().reference
    # The next send draws the taken reference first (one chance in about 850 billion).
    offered = iter([taken, "HT7K9QWX"])
    monkeypatch.setattr("forms_app.journeys.submit.new_reference", lambda: next(offered))

    response = _complete_and_send(client, missed_bin)

    assert _redirect(response) == f"{missed_bin.url}confirmation/"
    assert _reference_on(client.get(f"{missed_bin.url}confirmation/")) == "HT7K 9QWX"
    assert Submission.objects.count() == Case.objects.count() == 2
    assert Case.objects.filter(reference="HT7K9QWX", submission__reference="HT7K9QWX").exists()


# Spam and abuse ---------------------------------------------------------------------------------


def test_filled_honeypot_is_refused(client, missed_bin):
    token = _send_token(_answer_missed_bin(client, missed_bin))

    response = client.post(
        f"{missed_bin.url}check-your-answers/",
        {"token": token, "website": "https://cheap-pills.example"},
    )

    assert response.status_code == 400
    assert _h1(response) == "Sorry, we could not send your form"
    assert _title(response).startswith("Sorry, we could not send your form")
    assert not Submission.objects.exists()


def test_eleventh_submission_in_an_hour_is_refused(missed_bin, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    resident = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(10):
        assert _redirect(_complete_and_send(resident, missed_bin)).endswith("/confirmation/")

    response = _complete_and_send(resident, missed_bin)

    assert response.status_code == 429
    assert _h1(response) == "You have sent too many forms"
    assert Submission.objects.count() == 10
    # Someone else, at another address, is not affected.
    neighbour = Client(REMOTE_ADDR="198.51.100.20")
    assert _redirect(_complete_and_send(neighbour, missed_bin)).endswith("/confirmation/")
    assert Submission.objects.count() == 11


def test_post_without_csrf_token_is_forbidden(missed_bin):
    browser = Client(enforce_csrf_checks=True)
    question = browser.get(f"{missed_bin.url}bin-type/")

    refused = browser.post(f"{missed_bin.url}bin-type/", {"bin": "general"})

    assert refused.status_code == 403
    csrf = _input_value(question, "csrfmiddlewaretoken")
    accepted = browser.post(
        f"{missed_bin.url}bin-type/", {"bin": "general", "csrfmiddlewaretoken": csrf}
    )
    assert _redirect(accepted) == f"{missed_bin.url}collection-day/"


def test_send_without_csrf_token_is_forbidden_and_sends_nothing(missed_bin):
    browser = Client(enforce_csrf_checks=True)
    browser.get(f"{missed_bin.url}bin-type/")
    csrf = browser.cookies["csrftoken"].value
    url = missed_bin.url
    steps = [
        ("bin-type", {"bin": "general"}),
        ("collection-day", {"due_today": "no"}),
        ("address", ADDRESS),
        ("contact-details", CONTACT),
    ]
    for slug, data in steps:
        browser.post(f"{url}{slug}/", {**data, "csrfmiddlewaretoken": csrf})
    token = _send_token(browser.get(f"{url}check-your-answers/"))

    response = browser.post(f"{url}check-your-answers/", {"token": token, "website": ""})

    assert response.status_code == 403
    assert not Submission.objects.exists()


# Save and come back later -----------------------------------------------------------------------


def _save_link(client, page, email="later@example.org"):
    """Walk to the contact page, save there with one good and one bad answer; the emailed link."""
    _answer(client, page, "bin-type", {"bin": "food"})
    _answer(client, page, "collection-day", {"due_today": "no"})
    _answer(client, page, "address", ADDRESS)
    saving = _answer(
        client,
        page,
        "contact-details",
        {"full_name": "Sam Jones", "email": "sam@", "save_and_return": "1"},
    )
    assert _redirect(saving) == f"{page.url}save/"
    sent = _save(client, page, email)
    assert sent.status_code == 200
    [message] = mail.outbox
    return re.search(r"https?://\S+", message.body).group(0)


def _save(client, page, email):
    """Ask for the link; it is emailed through the outbox once the request's work commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"{page.url}save/", {"email": email})


def _open(client, link):
    """Follow an emailed link as a browser would: its path and query, on this site."""
    parts = urlparse(link)
    return client.get(parts.path + (f"?{parts.query}" if parts.query else ""))


def _signed_token_in(link):
    """The signed draft id in the link, wherever in the address it is carried."""
    saved = SavedProgress.objects.get()
    return re.search(rf"{saved.pk}:[\w:-]+", unquote(link)).group(0)


def test_save_and_come_back_later_emails_a_link(client, missed_bin):
    saving = _answer(client, missed_bin, "bin-type", {"bin": "food", "save_and_return": "1"})
    assert _redirect(saving) == f"{missed_bin.url}save/"

    save_page = client.get(f"{missed_bin.url}save/")
    assert save_page.status_code == 200
    assert _h1(save_page) == "Save your answers and come back later"
    assert _title(save_page).startswith("Save your answers and come back later")
    assert _soup(save_page).find("input", attrs={"name": "email"}) is not None

    sent = _save(client, missed_bin, "later@example.org")

    assert _h1(sent) == "We have sent you a link"
    assert "We have sent an email to later@example.org" in _main_text(sent)
    [message] = mail.outbox
    assert message.to == ["later@example.org"]
    assert "Report a missed bin collection" in message.subject
    link = re.search(r"https?://\S+", message.body).group(0)
    assert link.startswith(f"http://testserver{missed_bin.url}resume")
    assert "7 days" in message.body
    assert SavedProgress.objects.get().answers == {"bin": "food"}


def test_saving_keeps_only_valid_answers(client, missed_bin):
    _save_link(client, missed_bin)

    answers = SavedProgress.objects.get().answers
    assert answers["full_name"] == "Sam Jones"
    assert "email" not in answers  # "sam@" was not a real address
    assert answers["bin"] == "food"


def test_link_restores_answers_in_another_browser_where_the_resident_was(client, missed_bin):
    link = _save_link(client, missed_bin)

    other_device = Client()
    opened = _open(other_device, link)

    assert _redirect(opened) == f"{missed_bin.url}contact-details/"
    question = other_device.get(f"{missed_bin.url}contact-details/")
    assert _input_value(question, "full_name") == "Sam Jones"
    assert _input_value(question, "email") == ""
    finished = _answer(other_device, missed_bin, "contact-details", CONTACT)
    assert _redirect(finished) == f"{missed_bin.url}check-your-answers/"
    rows = _summary_rows(other_device.get(f"{missed_bin.url}check-your-answers/"))
    assert rows["Which bin was missed?"][0] == ["Food waste (grey caddy)"]
    assert rows["Where was the bin missed?"][0] == ["12 Heol Ddu", "Glanrhyd", "GR1 1AA"]


def test_save_asks_again_for_an_invalid_email(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "food", "save_and_return": "1"})

    response = client.post(f"{missed_bin.url}save/", {"email": "later at example dot org"})

    assert response.status_code == 200
    assert _title(response).startswith("Error: Save your answers and come back later")
    assert "Enter an email address in the correct format, like name@example.com" in _main_text(
        response
    )
    assert _input_value(response, "email") == "later at example dot org"
    assert mail.outbox == []
    assert not SavedProgress.objects.exists()


def test_invalid_email_on_the_save_page_has_an_error_summary(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "food", "save_and_return": "1"})

    response = client.post(f"{missed_bin.url}save/", {"email": "later at example dot org"})

    assert _error_summary(response) == [
        ("#id_email", "Enter an email address in the correct format, like name@example.com")
    ]


def test_send_me_a_link_button_is_in_the_form_with_the_email_field(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "food", "save_and_return": "1"})

    save_page = client.get(f"{missed_bin.url}save/")

    # Browsers do not nest forms: the inner </form> closes the page's form, leaving "Send me a
    # link" outside it, where pressing it sends nothing.
    email_form = _soup(save_page).find("input", attrs={"name": "email"}).find_parent("form")
    assert email_form.find_parent("form") is None
    assert email_form.find("button", string="Send me a link") is not None


def test_email_address_for_the_link_is_not_stored(client, missed_bin):
    _save_link(client, missed_bin, email="only-for-the-link@example.org")

    assert "email" not in {field.name for field in SavedProgress._meta.get_fields()}
    saved = SavedProgress.objects.get()
    assert "only-for-the-link" not in json.dumps(saved.answers)
    assert "only-for-the-link" not in json.dumps(dict(client.session.items()), default=str)
    everything = io.StringIO()
    call_command("dumpdata", stdout=everything)
    assert "only-for-the-link" not in everything.getvalue()


def test_tampered_link_does_not_work(client, missed_bin):
    link = _save_link(client, missed_bin)
    token = _signed_token_in(link)
    damaged = token[:-1] + ("B" if token[-1] == "A" else "A")

    response = _open(Client(), unquote(link).replace(token, damaged))

    assert response.status_code == 404
    assert _h1(response) == "This link does not work"
    assert "Start the form again" in _main_text(response)


def test_link_older_than_seven_days_has_expired(client, missed_bin):
    link = _save_link(client, missed_bin)
    saved = SavedProgress.objects.get()

    class EightDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time() - timedelta(days=8).total_seconds()))

    old_token = EightDaysAgo(salt=resume.SALT).sign(str(saved.pk))

    response = _open(Client(), unquote(link).replace(_signed_token_in(link), old_token))

    assert response.status_code == 410
    assert _h1(response) == "This link has expired"
    assert "Links to saved answers work for 7 days." in _main_text(response)


def test_link_for_one_form_does_not_open_another(client, missed_bin, service_page):
    link = _save_link(client, missed_bin)
    other = JourneyPageFactory(parent=service_page, title="Another form", slug="another-form")

    response = _open(Client(), unquote(link).replace(missed_bin.url, other.url))

    assert response.status_code == 404
    assert _h1(response) == "This link does not work"


# Uploads ----------------------------------------------------------------------------------------

TEN_MB = 10 * 1024 * 1024


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def _upload(name, content, content_type):
    # The test client sends a file object's name as the file name, as a browser sends the chosen
    # file's name.
    file = io.BytesIO(content)
    file.name = name
    file.content_type = content_type
    return file


def _to_photo_page(client, page):
    location = {"location": "In the lay-by on Heol Ddu, opposite the school", "postcode": ""}
    assert _redirect(_answer(client, page, "location", location)) == f"{page.url}what/"
    what = {"waste_types": ["furniture", "tyres"]}
    assert _redirect(_answer(client, page, "what", what)) == f"{page.url}photo/"


def _stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_photo_is_stored_privately_under_a_random_name(client, fly_tipping, settings):
    _to_photo_page(client, fly_tipping)
    png = _png()

    response = _answer(
        client, fly_tipping, "photo", {"photo": _upload("fly-tip by school.png", png, "image/png")}
    )

    assert _redirect(response) == f"{fly_tipping.url}contact-details/"
    [stored] = _stored_files(settings)
    assert stored.read_bytes() == png
    assert re.fullmatch(r"[0-9a-f]{32}\.png", stored.name)
    assert stored.relative_to(settings.PRIVATE_MEDIA_ROOT).parts[0] == "journeys"

    _answer(client, fly_tipping, "contact-details", {"email": ""})
    check = client.get(f"{fly_tipping.url}check-your-answers/")
    rows = _summary_rows(check)
    assert rows["Upload a photo of the fly-tipping"][0] == ["fly-tip by school.png"]
    assert rows["What has been dumped?"][0] == ["Furniture or mattresses", "Tyres"]
    assert rows["Email address"][0] == ["Not provided"]

    _send(client, fly_tipping, _send_token(check))
    photo = next(a for a in Submission.objects.get().answers if a["name"] == "photo")
    assert photo["display"] == "fly-tip by school.png"
    assert photo["value"]["original_name"] == "fly-tip by school.png"
    assert photo["value"]["content_type"] == "image/png"
    assert (settings.PRIVATE_MEDIA_ROOT / photo["value"]["name"]) == stored


def test_page_with_a_photo_already_uploaded_says_so(client, fly_tipping):
    _to_photo_page(client, fly_tipping)
    _answer(client, fly_tipping, "photo", {"photo": _upload("tip.png", _png(), "image/png")})

    again = client.get(f"{fly_tipping.url}photo/")

    assert "You have uploaded tip.png" in _main_text(again)
    kept = _answer(client, fly_tipping, "photo", {})
    assert _redirect(kept) == f"{fly_tipping.url}contact-details/"
    _answer(client, fly_tipping, "contact-details", {"email": ""})
    rows = _summary_rows(client.get(f"{fly_tipping.url}check-your-answers/"))
    assert rows["Upload a photo of the fly-tipping"][0] == ["tip.png"]


def test_html_file_named_like_a_photo_is_refused(client, fly_tipping, settings):
    _to_photo_page(client, fly_tipping)
    page = b"<!DOCTYPE html><html><body><script>alert('hi')</script></body></html>"

    response = _answer(
        client, fly_tipping, "photo", {"photo": _upload("photo.jpg", page, "image/jpeg")}
    )

    assert response.status_code == 200
    assert _title(response).startswith("Error: ")
    message = "The selected file must be a JPG, PNG, HEIC, PDF or DOCX"
    assert _error_summary(response) == [("#id_photo", message)]
    assert _stored_files(settings) == []
    assert _redirect(client.get(f"{fly_tipping.url}contact-details/")) == (
        f"{fly_tipping.url}photo/"
    )


def test_file_over_ten_megabytes_is_refused(client, fly_tipping, settings):
    _to_photo_page(client, fly_tipping)
    png = _png()
    too_big = png + b"\0" * (TEN_MB + 1 - len(png))

    response = _answer(
        client, fly_tipping, "photo", {"photo": _upload("big.png", too_big, "image/png")}
    )

    assert response.status_code == 200
    assert _title(response).startswith("Error: ")
    assert _error_summary(response) == [
        ("#id_photo", "The selected file must be smaller than 10MB")
    ]
    assert _stored_files(settings) == []


def test_file_of_exactly_ten_megabytes_is_accepted(client, fly_tipping, settings):
    _to_photo_page(client, fly_tipping)
    png = _png()
    just_fits = png + b"\0" * (TEN_MB - len(png))

    response = _answer(
        client, fly_tipping, "photo", {"photo": _upload("big.png", just_fits, "image/png")}
    )

    assert _redirect(response) == f"{fly_tipping.url}contact-details/"
    [stored] = _stored_files(settings)
    assert stored.stat().st_size == TEN_MB


TOO_MANY_FILES = "You have uploaded too many files. Try again later or contact us"


def test_eleventh_file_for_one_form_is_refused_and_nothing_is_lost(client, fly_tipping, settings):
    _to_photo_page(client, fly_tipping)
    # Choosing another photo replaces the last, but every file sent is written to the disk.
    for number in range(10):
        photo = {"photo": _upload(f"tip {number}.png", _png(), "image/png")}
        assert _redirect(_answer(client, fly_tipping, "photo", photo)) == (
            f"{fly_tipping.url}contact-details/"
        )
    [kept] = _stored_files(settings)

    refused = _answer(
        client, fly_tipping, "photo", {"photo": _upload("tip 10.png", _png(), "image/png")}
    )

    assert refused.status_code == 200
    assert _title(refused).startswith("Error: ")
    assert _error_summary(refused) == [("#id_photo", TOO_MANY_FILES)]
    assert _stored_files(settings) == [kept]
    # The photo already uploaded and every other answer are still there to send.
    assert "You have uploaded tip 9.png" in _main_text(client.get(f"{fly_tipping.url}photo/"))
    _answer(client, fly_tipping, "photo", {})
    _answer(client, fly_tipping, "contact-details", {"email": ""})
    rows = _summary_rows(client.get(f"{fly_tipping.url}check-your-answers/"))
    assert rows["Upload a photo of the fly-tipping"][0] == ["tip 9.png"]
    assert rows["What has been dumped?"][0] == ["Furniture or mattresses", "Tyres"]


def test_files_from_one_address_are_capped_at_thirty_an_hour(fly_tipping, settings):
    settings.TRUSTED_PROXY_COUNT = 0

    def upload_from(address, count):
        resident = Client(REMOTE_ADDR=address)
        _to_photo_page(resident, fly_tipping)
        for number in range(count):
            photo = {"photo": _upload(f"tip {number}.png", _png(), "image/png")}
            response = _answer(resident, fly_tipping, "photo", photo)
        return resident, response

    # A library computer: three residents, ten photos each, in one hour.
    for _ in range(3):
        _resident, response = upload_from("203.0.113.7", 10)
        assert _redirect(response) == f"{fly_tipping.url}contact-details/"
    stored = _stored_files(settings)
    assert len(stored) == 3

    fourth, refused = upload_from("203.0.113.7", 1)

    assert _error_summary(refused) == [("#id_photo", TOO_MANY_FILES)]
    assert sorted(_stored_files(settings)) == sorted(stored)
    # Without a photo (it is optional) the fourth resident can still send their report.
    assert _redirect(_answer(fourth, fly_tipping, "photo", {})) == (
        f"{fly_tipping.url}contact-details/"
    )
    # Someone else, at another address, is not affected.
    _neighbour, response = upload_from("198.51.100.20", 1)
    assert _redirect(response) == f"{fly_tipping.url}contact-details/"


def test_saving_for_later_on_the_photo_page_keeps_the_uploaded_photo(client, fly_tipping):
    _to_photo_page(client, fly_tipping)
    _answer(client, fly_tipping, "photo", {"photo": _upload("tip.png", _png(), "image/png")})
    _answer(client, fly_tipping, "contact-details", {"email": ""})
    _, change_url = _summary_rows(client.get(f"{fly_tipping.url}check-your-answers/"))[
        "Upload a photo of the fly-tipping"
    ]

    # Back on the photo page, the resident saves for later without choosing another file.
    saving = client.post(change_url, {"save_and_return": "1"})
    assert _redirect(saving) == f"{fly_tipping.url}save/"
    client.post(f"{fly_tipping.url}save/", {"email": "later@example.org"})

    rows = _summary_rows(client.get(f"{fly_tipping.url}check-your-answers/"))
    assert rows["Upload a photo of the fly-tipping"][0] == ["tip.png"]
    assert SavedProgress.objects.get().answers["photo"]["original_name"] == "tip.png"


def test_a_photo_a_saved_form_holds_stays_for_its_link_when_replaced(client, fly_tipping, settings):
    _to_photo_page(client, fly_tipping)
    _answer(client, fly_tipping, "photo", {"photo": _upload("tip.png", _png(), "image/png")})
    saving = _answer(client, fly_tipping, "contact-details", {"email": "", "save_and_return": "1"})
    assert _redirect(saving) == f"{fly_tipping.url}save/"
    _save(client, fly_tipping, "later@example.org")
    [message] = mail.outbox
    link = re.search(r"https?://\S+", message.body).group(0)

    # Still in the first browser, the resident chooses a better photo.
    better = {"photo": _upload("better tip.png", _png(), "image/png")}
    assert _redirect(_answer(client, fly_tipping, "photo", better)) == (
        f"{fly_tipping.url}contact-details/"
    )
    assert len(_stored_files(settings)) == 2

    # The emailed link still brings back the first photo, and it is still there to send.
    elsewhere = Client()
    assert _redirect(_open(elsewhere, link)) == f"{fly_tipping.url}check-your-answers/"
    check = elsewhere.get(f"{fly_tipping.url}check-your-answers/")
    assert _summary_rows(check)["Upload a photo of the fly-tipping"][0] == ["tip.png"]
    _send(elsewhere, fly_tipping, _send_token(check))
    [sent] = Submission.objects.get().get_answers().files()
    assert (settings.PRIVATE_MEDIA_ROOT / sent.name).read_bytes() == _png()


def test_a_journey_nobody_changed_for_longer_than_a_session_lives_starts_again(
    client, fly_tipping, settings
):
    _to_photo_page(client, fly_tipping)
    _answer(client, fly_tipping, "photo", {"photo": _upload("tip.png", _png(), "image/png")})
    # The session lives on (another form, say), but this journey was last changed long ago: its
    # photo may be gone, so it is not offered back to send.
    session = client.session
    state = session[f"journey:{fly_tipping.pk}"]
    age = timedelta(seconds=settings.SESSION_COOKIE_AGE, minutes=1)
    state["changed"] = (timezone.now() - age).isoformat()
    session.save()

    response = client.get(f"{fly_tipping.url}check-your-answers/")

    assert _redirect(response) == f"{fly_tipping.url}location/"
    assert _input_value(client.get(f"{fly_tipping.url}location/"), "postcode") == ""
    assert _redirect(client.get(f"{fly_tipping.url}photo/")) == f"{fly_tipping.url}location/"


# Information pages between questions -------------------------------------------------------------


@pytest.fixture
def with_information_page(service_page, default_queue):
    return JourneyPageFactory(
        parent=service_page,
        title="Tell us about a problem",
        slug="tell-us",
        steps=[
            {
                "type": "question_page",
                "value": {
                    "slug": "your-name",
                    "heading": "",
                    "questions": [
                        {"type": "text", "value": {"label": "What is your name?", "name": "name"}}
                    ],
                    "rules": [],
                },
            },
            {
                "type": "content_page",
                "value": {
                    "slug": "before-you-continue",
                    "heading": "Before you continue",
                    "body": "<p>Have your council tax account number ready.</p>",
                },
            },
            {
                "type": "question_page",
                "value": {
                    "slug": "problem",
                    "heading": "",
                    "questions": [
                        {
                            "type": "long_text",
                            "value": {"label": "What is the problem?", "name": "problem"},
                        }
                    ],
                    "rules": [],
                },
            },
        ],
    )


def test_information_page_shows_its_text_and_continue_moves_on(client, with_information_page):
    page = with_information_page
    assert _redirect(_answer(client, page, "your-name", {"name": "Sam"})) == (
        f"{page.url}before-you-continue/"
    )

    info = client.get(f"{page.url}before-you-continue/")

    assert info.status_code == 200
    assert _h1(info) == "Before you continue"
    assert _title(info).startswith("Before you continue – Tell us about a problem")
    assert "Have your council tax account number ready." in _main_text(info)
    assert _soup(info).find("main").find("button", string="Continue") is not None
    assert _soup(info).select_one("a.govuk-back-link")["href"] == f"{page.url}your-name/"

    moved_on = client.post(f"{page.url}before-you-continue/")

    assert _redirect(moved_on) == f"{page.url}problem/"
    problem = client.get(f"{page.url}problem/")
    assert _h1(problem) == "What is the problem?"
    back = _soup(problem).select_one("a.govuk-back-link")["href"]
    assert back == f"{page.url}before-you-continue/"
    done = _answer(client, page, "problem", {"problem": "The street light is out."})
    assert _redirect(done) == f"{page.url}check-your-answers/"
    rows = _summary_rows(client.get(f"{page.url}check-your-answers/"))
    assert list(rows) == ["What is your name?", "What is the problem?"]


@pytest.mark.django_db(transaction=True)
def test_existing_forms_keep_filing_cases_under_the_residents_name():
    """The migration that ticks "This is the resident's name" on forms made before it existed."""
    restore_wagtail_baseline()  # an earlier transactional test may have emptied the database
    try:
        old_apps = migrate([("journeys", "0005_text_question_holds_name")])
        JourneyPage = old_apps.get_model("journeys", "JourneyPage")
        ContentType = old_apps.get_model("contenttypes", "ContentType")
        content_type, _ = ContentType.objects.get_or_create(
            app_label="journeys", model="journeypage"
        )
        root = old_apps.get_model("wagtailcore", "Page").objects.get(depth=1)
        page = JourneyPage.objects.create(
            title="Old form",
            slug="old-form",
            path=f"{root.path}9999",
            depth=2,
            content_type=content_type,
            locale_id=root.locale_id,
            steps=[
                {
                    "type": "question_page",
                    "value": {
                        "slug": "you",
                        "heading": "About you",
                        "questions": [
                            {"type": "text", "value": {"label": "Full name", "name": "full_name"}},
                            {"type": "text", "value": {"label": "Street", "name": "street_name"}},
                        ],
                        "rules": [],
                    },
                }
            ],
            what_happens_next="",
        )
    finally:
        migrate()

    questions = JourneyPage.objects.get(pk=page.pk).steps.raw_data[0]["value"]["questions"]
    assert [q["value"].get("holds_name", False) for q in questions] == [True, False]


def test_pages_showing_the_residents_answers_are_never_cached(client, missed_bin):
    check = _answer_missed_bin(client, missed_bin)
    change = client.get(f"{missed_bin.url}contact-details/?change=1")
    token = re.search(r'name="token" value="([^"]+)"', check.content.decode())[1]
    client.post(f"{missed_bin.url}check-your-answers/", {"token": token, "website": ""})
    confirmation = client.get(f"{missed_bin.url}confirmation/")
    for page in (check, change, confirmation):
        assert page.status_code == 200
        cache_control = page["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control


def test_the_longest_name_and_email_the_questions_allow_fit_the_case(client, missed_bin):
    """A 500-character name and a 320-character email pass the questions, so the case must hold
    them (PostgreSQL refused them with a server error; SQLite kept them past the column size)."""
    name = "Anwen " + "a" * 494
    email = "a" * 64 + "@" + ("b" * 63 + ".") * 3 + "c" * 63
    contact = {**CONTACT, "full_name": name, "email": email}
    token = _send_token(_answer_missed_bin(client, missed_bin, contact=contact))

    confirmation = client.get(_send(client, missed_bin, token)["Location"])

    assert confirmation.status_code == 200
    case = Case.objects.get(reference=_reference_on(confirmation).replace(" ", ""))
    assert (len(case.resident_name), len(case.resident_email)) == (500, 320)
    assert (case.resident_name, case.resident_email) == (name, email)


def test_a_name_longer_than_the_question_allows_is_refused_where_it_is_typed(client, missed_bin):
    page = _answer(client, missed_bin, "bin-type", {"bin": "general"})
    assert page.status_code == 302
    client.post(f"{missed_bin.url}collection-day/", {"due_today": "no"})
    client.post(f"{missed_bin.url}address/", ADDRESS)
    too_long = client.post(f"{missed_bin.url}contact-details/", {**CONTACT, "full_name": "a" * 501})
    assert too_long.status_code == 200
    assert "Answer must be 500 characters or less" in _main_text(too_long)


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_save_for_later_with_the_mail_server_down_is_kept_and_sent_later(
    client, missed_bin, settings
):
    # A real SMTP connection to a port where nothing listens: the mail server is down.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        _closed_port(),
        2,
    )
    _answer(client, missed_bin, "bin-type", {"bin": "food", "save_and_return": "1"})

    sent = _save(client, missed_bin, "later@example.org")

    # The resident is told the link is on its way, and nothing is lost.
    assert sent.status_code == 200
    assert _h1(sent) == "We have sent you a link"
    assert SavedProgress.objects.count() == 1
    waiting = Notification.objects.get(kind="saved_form")
    assert (waiting.status, waiting.attempts, waiting.recipient) == (
        "pending",
        1,
        "later@example.org",
    )
    assert mail.outbox == []

    # The mail server is back: the retry sends it, and the address is then forgotten.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = (timezone.now() + timedelta(hours=1)).isoformat()
    call_command("send_due_notifications", now=later, stdout=io.StringIO())
    [message] = mail.outbox
    assert message.to == ["later@example.org"]
    assert re.search(r"https?://\S+/resume/\?token=\S+", message.body)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.recipient, waiting.body) == ("sent", "", "")


def test_save_for_later_emails_are_limited_like_sending_the_form(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "food", "save_and_return": "1"})
    for number in range(10):
        assert _save(client, missed_bin, f"someone{number}@example.org").status_code == 200

    refused = _save(client, missed_bin, "victim@example.org")

    assert refused.status_code == 429
    assert _h1(refused) == "You have asked for too many links"
    assert len(mail.outbox) == 10
    assert "victim@example.org" not in str([message.to for message in mail.outbox])
    assert SavedProgress.objects.count() == 10


def test_optional_questions_say_so_and_the_name_is_filled_in_by_the_browser(client, missed_bin):
    _answer(client, missed_bin, "bin-type", {"bin": "general"})
    client.post(f"{missed_bin.url}collection-day/", {"due_today": "no"})
    client.post(f"{missed_bin.url}address/", ADDRESS)

    contact = _soup(client.get(f"{missed_bin.url}contact-details/"))

    def label_of(name):
        return " ".join(contact.find("label", attrs={"for": f"id_{name}"}).get_text().split())

    assert label_of("phone") == "Phone number (optional)"
    assert label_of("full_name") == "Full name"  # required: not marked
    assert contact.find("input", attrs={"name": "full_name"})["autocomplete"] == "name"
    assert contact.find("input", attrs={"name": "email"})["autocomplete"] == "email"


def test_field_errors_are_announced_in_the_pages_language(client, missed_bin):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    home = missed_bin.get_parent().get_parent().get_parent()
    parents = [home, missed_bin.get_parent().get_parent(), missed_bin.get_parent()]
    for page in parents:
        if not page.get_translations().filter(locale=welsh).exists():
            publish_translation(page, welsh)
    welsh_form = publish_translation(missed_bin, welsh)

    response = client.post(f"{welsh_form.url}bin-type/", {})

    hidden = [
        " ".join(span.get_text().split())
        for span in _soup(response).select(".govuk-error-message .govuk-visually-hidden")
    ]
    assert hidden == ["Gwall:"]


def test_an_optional_single_question_says_so_in_its_heading_and_title(client, fly_tipping):
    for slug, data in [
        ("location", {"location": "Behind the library", "postcode": "cf10 1aa"}),
        ("what", {"waste_types": ["tyres"]}),
    ]:
        assert client.post(f"{fly_tipping.url}{slug}/", data).status_code == 302
    page = client.get(f"{fly_tipping.url}photo/")
    assert _h1(page) == "Upload a photo of the fly-tipping (optional)"
    assert _title(page).startswith("Upload a photo of the fly-tipping (optional) – ")
