"""Check your answers and the ways back to it: its Back link, "Change" links that return to it,
each address line's error above that line, and a send that is exactly what the resident saw."""

import pytest
from bs4 import BeautifulSoup

from forms_app.journeys.models import Submission
from tests.factories.journeys import ADDRESS

pytestmark = pytest.mark.django_db

CONTACT = {"full_name": "Sam Jones", "email": "sam@example.com", "phone": "01632 960001"}


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _back(response):
    return _soup(response).select_one("a.govuk-back-link")["href"]


def _answer_all(client, page, bin="general"):
    client.post(f"{page.url}bin-type/", {"bin": bin})
    if bin == "garden":
        client.post(f"{page.url}garden-subscription/", {"garden_subscription": "yes"})
    client.post(f"{page.url}collection-day/", {"due_today": "no"})
    client.post(f"{page.url}address/", ADDRESS)
    client.post(f"{page.url}contact-details/", CONTACT)
    check = client.get(f"{page.url}check-your-answers/")
    assert check.status_code == 200
    return check


def _send_form(response):
    form = _soup(response).find("form", attrs={"method": "post", "novalidate": True})
    return {field["name"]: field.get("value", "") for field in form.find_all("input")}


def test_check_your_answers_has_a_back_link_to_the_last_question(client, missed_bin):
    check = _answer_all(client, missed_bin)
    assert _back(check) == f"{missed_bin.url}contact-details/"


def test_a_change_pages_back_link_returns_to_check_your_answers(client, missed_bin):
    _answer_all(client, missed_bin)
    change = client.get(f"{missed_bin.url}address/?change=1")
    assert _back(change) == f"{missed_bin.url}check-your-answers/"
    # Without "Change", Back is the question before, as the resident went through the form.
    assert _back(client.get(f"{missed_bin.url}address/")) == f"{missed_bin.url}collection-day/"


def test_continuing_from_a_change_returns_to_check_your_answers(client, missed_bin):
    _answer_all(client, missed_bin)
    moved = {**ADDRESS, "address_0": "14 Heol Ddu"}
    response = client.post(f"{missed_bin.url}address/?change=1", moved)
    assert response["Location"] == f"{missed_bin.url}check-your-answers/"


def test_a_change_that_opens_a_question_asks_it_then_returns(client, missed_bin):
    _answer_all(client, missed_bin)
    response = client.post(f"{missed_bin.url}bin-type/?change=1", {"bin": "garden"})
    new_question = f"{missed_bin.url}garden-subscription/?change=1"
    assert response["Location"] == new_question
    # Back from the new question goes to the answer that opened it, still changing.
    assert _back(client.get(new_question)) == f"{missed_bin.url}bin-type/?change=1"
    answered = client.post(new_question, {"garden_subscription": "yes"})
    assert answered["Location"] == f"{missed_bin.url}check-your-answers/"


def test_each_address_lines_error_shows_above_that_line(client, missed_bin):
    client.post(f"{missed_bin.url}bin-type/", {"bin": "general"})
    client.post(f"{missed_bin.url}collection-day/", {"due_today": "no"})
    response = client.post(
        f"{missed_bin.url}address/", {"address_0": "12 Heol Ddu", "address_3": "zz"}
    )
    soup = _soup(response)
    summary = [
        (link["href"], link.get_text(strip=True)) for link in soup.select(".govuk-error-summary a")
    ]
    assert summary == [
        ("#id_address_2", "Enter town or city"),
        ("#id_address_3", "Enter a real UK postcode, like SW1A 1AA"),
    ]
    fieldset = soup.select_one("fieldset")
    # Nothing listed at the top of the fieldset: each message sits with its line.
    assert not fieldset.find(class_="govuk-error-message", recursive=False)
    groups = {
        group.select_one("label").get_text(strip=True): group
        for group in fieldset.select("div.govuk-form-group")
    }
    town = groups["Town or city"]
    message = town.select_one(".govuk-error-message")
    assert " ".join(message.get_text(" ").split()) == "Error: Enter town or city"
    # The message is above the input and describes it.
    assert message.find_next("input")["id"] == "id_address_2"
    assert town.select_one("input")["aria-describedby"] == message["id"]
    postcode = groups["Postcode"].select_one(".govuk-error-message")
    assert "Enter a real UK postcode" in postcode.get_text()
    assert groups["Address line 1"].select_one(".govuk-error-message") is None
    assert groups["Address line 1"].select_one("input").get("aria-invalid") is None


def test_answers_changed_in_another_tab_are_shown_again_not_sent(client, missed_bin):
    first_tab = _answer_all(client, missed_bin)
    # In another tab, the resident changes the address after this page was shown.
    client.post(f"{missed_bin.url}address/?change=1", {**ADDRESS, "address_0": "99 Stryd Fawr"})

    sent = client.post(f"{missed_bin.url}check-your-answers/", _send_form(first_tab))

    assert sent["Location"] == f"{missed_bin.url}check-your-answers/"
    assert not Submission.objects.exists()
    again = client.get(sent["Location"])
    banner = again.content.decode()
    assert "Your answers were changed in another tab or window" in banner
    assert "99 Stryd Fawr" in banner
    # The notice is shown once.
    again = client.get(sent["Location"])
    assert "another tab" not in again.content.decode()
    # Sent from the page that shows them, the answers go as shown.
    confirmed = client.post(f"{missed_bin.url}check-your-answers/", _send_form(again))
    assert confirmed["Location"] == f"{missed_bin.url}confirmation/"
    submission = Submission.objects.get()
    assert "99 Stryd Fawr" in str(submission.answers)


def test_unchanged_answers_are_sent_as_shown(client, missed_bin):
    check = _answer_all(client, missed_bin)
    sent = client.post(f"{missed_bin.url}check-your-answers/", _send_form(check))
    assert sent["Location"] == f"{missed_bin.url}confirmation/"
    assert Submission.objects.count() == 1
