"""Staff are signed out after 30 minutes without a request; residents keep their form for longer."""

import time

from django.conf import settings

import pytest

from tests.factories import UserFactory
from tests.factories.users import sign_in_verified
from townhall.middleware import STAFF_LAST_SEEN

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    sign_in_verified(client, UserFactory(username="officer", is_staff=True, is_superuser=True))
    return client


def _last_seen(client, minutes_ago):
    session = client.session
    session[STAFF_LAST_SEEN] = int(time.time()) - minutes_ago * 60
    session.save()


def test_staff_idle_for_more_than_thirty_minutes_are_signed_out(staff_client):
    assert settings.STAFF_SESSION_IDLE_SECONDS == 30 * 60
    assert staff_client.get("/admin/").status_code == 200
    _last_seen(staff_client, 31)
    response = staff_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert staff_client.get("/admin/").status_code == 302, "the session is gone, not just skipped"


def test_every_request_starts_the_idle_time_again(staff_client):
    _last_seen(staff_client, 29)
    assert staff_client.get("/admin/").status_code == 200
    assert int(time.time()) - staff_client.session[STAFF_LAST_SEEN] < 60
    _last_seen(staff_client, 29)
    assert staff_client.get("/admin/").status_code == 200


def test_a_residents_form_in_progress_keeps_the_usual_session_age(client, service_page):
    session = client.session
    session["form in progress"] = {"where": "12 Heol Ddu"}
    session.save()
    client.get(service_page.url)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert STAFF_LAST_SEEN not in client.session
