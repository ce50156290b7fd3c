"""The seams sub-apps plug into, proved with a page type of the test suite's own (tests/testapp):
its steps are made in code, its submit hook refuses a taken time, and one of its answers is
sensitive. Nothing here is shipped; Direct Debit and booking will use the same seams."""

import json
import re

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import Case, CaseLogEntry, Queue, RoutingRule
from forms_app.connectors.models import WebhookDelivery
from forms_app.journeys.models import SavedProgress, Submission
from forms_app.notifications.models import Notification
from tests.factories import UserFactory
from tests.factories.users import sign_in_verified
from tests.forms_app.connectors import conftest as connectors
from tests.testapp.models import TAKEN, Membership, NoSavingJourneyPage, SlotJourneyPage

pytestmark = pytest.mark.django_db

# The connectors tests' stand-in CRM and signing key, shared rather than copied.
receiver = connectors.receiver
signing_key = connectors.signing_key

NUMBER = "31415926"
ABOUT_YOU = {"full_name": "Sam Jones", "email": "sam@example.com", "member": NUMBER}


@pytest.fixture
def queue(db, receiver, signing_key):
    return Queue.objects.create(
        name="Memberships",
        group=Group.objects.create(name="Memberships team"),
        team_email="team@example.com",
        webhook_url=receiver.url,
        is_default=True,
    )


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def slots(service_page, queue):
    page = SlotJourneyPage(
        title="Book a visit", slug="book", taken="morning", what_happens_next="<p>We will call.</p>"
    )
    service_page.add_child(instance=page)
    RoutingRule.objects.create(journey=page, queue=queue)
    return _publish(page)


def _text(response):
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def _token(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]


def _send(client, page):
    check = client.get(f"{page.url}check-your-answers/")
    assert check.status_code == 200
    return client.post(f"{page.url}check-your-answers/", {"token": _token(check), "website": ""})


def test_a_submit_hook_can_refuse_and_the_resident_chooses_again(
    client, slots, django_capture_on_commit_callbacks
):
    client.post(f"{slots.url}time/", {"time": "morning"})
    client.post(f"{slots.url}you/", ABOUT_YOU)

    refused = _send(client, slots)

    # Back to the time, with the hook's message as a GOV.UK error; nothing was kept.
    assert refused.status_code == 302
    assert refused.url == f"{slots.url}time/"
    page = client.get(refused.url)
    assert page.status_code == 200
    summary = BeautifulSoup(page.content.decode(), "html.parser").select_one(".govuk-error-summary")
    link = summary.select_one(".govuk-error-summary__list a")
    assert link.get_text(strip=True) == TAKEN
    # It leads to the first of the radios, where the resident chooses again.
    assert BeautifulSoup(page.content.decode(), "html.parser").select_one(link["href"])
    assert _text(page).startswith("Error:")
    assert not Submission.objects.exists()
    assert not Case.objects.exists()
    assert not Membership.objects.exists()
    # The message is shown once: it is not there on the next visit.
    assert TAKEN not in _text(client.get(refused.url))

    # Another time: the answers already given are kept, and this time the hook accepts.
    about_you = client.post(f"{slots.url}time/", {"time": "afternoon"})
    assert about_you.url == f"{slots.url}you/"
    assert client.get(f"{slots.url}check-your-answers/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        sent = _send(client, slots)
    assert sent.url == f"{slots.url}confirmation/"
    case = Case.objects.get()
    assert case.queue.name == "Memberships"
    assert case.resident_name == "Sam Jones"
    assert case.get_answers().get("time").value == "afternoon"
    # The hook saw the whole sensitive answer and kept it where its sub-app keeps such things.
    assert Membership.objects.get().number == NUMBER
    assert Membership.objects.get().reference == case.reference


def test_a_sensitive_answer_is_masked_everywhere_it_goes(
    client,
    slots,
    receiver,
    django_capture_on_commit_callbacks,
):
    client.post(f"{slots.url}time/", {"time": "afternoon"})
    client.post(f"{slots.url}you/", ABOUT_YOU)

    # The resident checks their own answer whole...
    assert NUMBER in _text(client.get(f"{slots.url}check-your-answers/"))
    # ...but saving for later never keeps it: they give it again when they come back.
    client.post(f"{slots.url}save/", {"email": "sam@example.com"})
    saved = SavedProgress.objects.get()
    assert "member" not in saved.answers
    assert saved.answers["full_name"] == "Sam Jones"
    assert NUMBER not in json.dumps(saved.answers)

    with django_capture_on_commit_callbacks(execute=True):
        _send(client, slots)
    case = Case.objects.get()
    member = case.get_answers().get("member")
    assert (member.sensitive, member.value, member.display) == (True, None, "Ending 26")

    admin = UserFactory(username="boss", is_superuser=True, is_staff=True)
    sign_in_verified(client, admin)
    case_page = client.get(reverse("cases:inspect", args=[case.pk]))
    assert case_page.status_code == 200
    assert "Ending 26" in _text(case_page)
    export = client.get(reverse("cases:index") + "?export=csv")
    assert export.status_code == 200
    exported = b"".join(export.streaming_content).decode()
    assert case.reference[:4] in exported

    places = {
        "submission": json.dumps(Submission.objects.get().answers),
        "case": json.dumps(case.answers) + case.summary,
        "case page": case_page.content.decode(),
        "CSV export": exported,
        "webhook": " ".join(request["body"].decode() for request in receiver.requests),
        "webhook rows": json.dumps(list(WebhookDelivery.objects.values_list("payload", flat=True))),
        "notifications": " ".join(f"{n.subject} {n.body}" for n in Notification.objects.all()),
        "emails": " ".join(f"{m.subject} {m.body}" for m in mail.outbox),
        "audit log": json.dumps(
            list(CaseLogEntry.objects.values_list("data", flat=True)), default=str
        ),
    }
    assert receiver.requests, "the webhook was sent"
    assert mail.outbox, "the resident and the team were emailed"
    for place, text in places.items():
        assert NUMBER not in text, f"the whole number is in the {place}"


def test_a_page_type_can_turn_off_save_and_come_back_later(client, service_page, queue):
    page = NoSavingJourneyPage(title="Private", slug="private", what_happens_next="<p>Done.</p>")
    service_page.add_child(instance=page)
    _publish(page)

    question = client.get(f"{page.url}time/")
    assert "Save and come back later" not in _text(question)
    assert client.get(f"{page.url}save/").status_code == 404
    assert client.get(f"{page.url}resume/?token=x").status_code == 404
    # A crafted "save" button does nothing but carry on.
    response = client.post(f"{page.url}time/", {"time": "afternoon", "save_and_return": "1"})
    assert response.url == f"{page.url}you/"
    assert not SavedProgress.objects.exists()
