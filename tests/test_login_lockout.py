"""Staff sign-in: wrong passwords lock that username on that client for a while (django-axes)."""

import datetime

from django.conf import settings
from django.test import Client

import pytest
import time_machine

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _officer():
    return UserFactory(username="officer", is_staff=True, is_superuser=True)


def sign_in(client, password, username="officer", **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def fail(client, times, **extra):
    for _ in range(times):
        sign_in(client, "wrong", **extra)


def test_five_wrong_passwords_lock_the_sign_in_with_a_page_that_says_what_to_do(client):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.LOGIN_LOCKOUT_MINUTES == 15
    for _ in range(4):
        response = sign_in(client, "wrong")
        assert response.status_code == 200, "a wrong password is shown the sign-in form again"
    response = sign_in(client, "wrong")
    assert response.status_code == 429
    # Even the right password is refused while locked, on a page styled like the admin.
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    html = response.content.decode()
    assert "You cannot sign in for now" in html
    assert "Wait 15 minutes, then try again." in html
    assert "wagtailadmin/css/core.css" in html
    assert "_auth_user_id" not in client.session


def test_the_lock_ends_after_the_cool_off(client):
    fail(client, 5)
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=16)):
        assert sign_in(client, PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_starts_the_count_again(client):
    fail(client, 4)
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lock_is_for_that_username_on_that_client_only(client):
    fail(client, 5, REMOTE_ADDR="203.0.113.7")
    assert sign_in(client, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert sign_in(Client(), PASSWORD, REMOTE_ADDR="198.51.100.20").status_code == 302
    UserFactory(username="colleague", is_staff=True, is_superuser=True)
    other = sign_in(Client(), PASSWORD, username="colleague", REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 302


def test_behind_the_proxy_each_client_is_told_apart_by_its_forwarded_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    fail(client, 5, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    locked = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert locked.status_code == 429
    # Another resident's address behind the same proxy is not locked out.
    other = sign_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    assert other.status_code == 302
    # A client cannot escape the lock by writing its own X-Forwarded-For entry first.
    spoofed = sign_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7", **proxy)
    assert spoofed.status_code == 429


def test_the_daily_retention_run_deletes_sign_in_records_older_than_ninety_days(_officer):
    from axes.models import AccessLog

    from forms_app.cases.retention import run_retention

    assert settings.SIGN_IN_RECORDS_DAYS == 90
    _officer.set_password(PASSWORD)
    _officer.save()
    start = datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        sign_in(Client(), PASSWORD, REMOTE_ADDR="192.0.2.1")
    with time_machine.travel(start + datetime.timedelta(days=60), tick=False):
        sign_in(Client(), PASSWORD, REMOTE_ADDR="192.0.2.7")
    assert set(AccessLog.objects.values_list("ip_address", flat=True)) == {
        "192.0.2.1",
        "192.0.2.7",
    }

    run_retention(now=start + datetime.timedelta(days=91))

    # January's sign-in is forgotten; March's stays until its own ninety days are up.
    assert list(AccessLog.objects.values_list("ip_address", flat=True)) == ["192.0.2.7"]
