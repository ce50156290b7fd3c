"""Staff are signed out after 30 minutes without a request; residents keep their form for longer."""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(username="officer", is_staff=True, is_superuser=True))
    return client


def test_a_staff_session_lasts_thirty_idle_minutes(staff_client):
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    assert settings.STAFF_SESSION_IDLE_SECONDS == 30 * 60
    assert int(response.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == 30 * 60
    assert staff_client.session.get_expiry_age() == 30 * 60


def test_every_request_starts_the_idle_time_again(staff_client):
    staff_client.get("/admin/")
    first = Session.objects.get().expire_date
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=5))
    staff_client.get("/admin/")
    renewed = Session.objects.get().expire_date
    assert renewed > timezone.now() + datetime.timedelta(minutes=29)
    assert abs((renewed - first).total_seconds()) < 120


def test_a_residents_form_in_progress_keeps_the_usual_session_age(client, service_page):
    session = client.session
    session["form in progress"] = {"where": "12 Heol Ddu"}
    session.save()
    client.get(service_page.url)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
