"""Links sent to residents carry the public site's address (PUBLIC_BASE_URL), not the admin's.

A council whose admin lives at its own address (WAGTAILADMIN_BASE_URL) must not send residents a
link to it: every link a resident is sent, in an email, a text message or a "Save and come back
later" email, starts with the public address; links in emails to staff go to the admin's.
"""

import re

from django.core import mail

import pytest

from forms_app.notifications.models import Notification
from tests.forms_app.journeys.test_journey import _answer, _save

pytestmark = pytest.mark.django_db

PUBLIC = "https://www.glanrhyd.gov.uk"
ADMIN = "https://staff.glanrhyd.gov.uk"


@pytest.fixture
def addresses(settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = ADMIN


def _links(text):
    return re.findall(r"https?://[^\s)]+", text)


def test_a_residents_email_links_to_the_public_site(addresses, submit):
    submit()
    [email] = mail.outbox
    links = _links(email.body)
    assert f"{PUBLIC}/check-progress/" in links
    assert f"{PUBLIC}/bin-days/" in links  # the editor's link in "what happens next"
    assert not [link for link in links if link.startswith(ADMIN)]


def test_a_residents_text_message_links_to_the_public_site(addresses, submit):
    case = submit(email="", phone="07700 900123")
    text = Notification.objects.get(case=case, channel="sms")
    assert f"{PUBLIC}/check-progress/" in text.body
    assert ADMIN not in text.body


def test_the_team_email_links_to_the_admin(addresses, submit, waste_queue):
    waste_queue.team_email = "waste-team@council.example"
    waste_queue.save()
    submit()
    team = next(email for email in mail.outbox if email.to == [waste_queue.team_email])
    assert f"{ADMIN}/admin/" in team.body
    assert PUBLIC not in team.body


def test_a_saved_form_link_goes_to_the_public_site_whatever_host_the_form_came_through(
    addresses,
    client,
    journey,
):
    # Reception's machine reaches the site by an internal name; the resident opens the link at home.
    _answer(client, journey, "bin-type", {"bin": "food", "save_and_return": "1"})
    _save(client, journey, "later@example.org")
    [message] = mail.outbox
    [link] = _links(message.body)
    assert link.startswith(f"{PUBLIC}{journey.url}resume/?token=")


def test_without_a_public_address_the_admin_address_serves_both(settings, submit):
    settings.PUBLIC_BASE_URL = None
    settings.WAGTAILADMIN_BASE_URL = ADMIN
    submit()
    assert f"{ADMIN}/check-progress/" in mail.outbox[0].body
