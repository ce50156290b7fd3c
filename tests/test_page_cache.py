"""The app's own copy of public pages: anonymous visitors are answered without rendering again."""

import re

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from home.alerts.cookies import HIDDEN_ALERTS_COOKIE
from tests.factories import UserFactory
from tests.factories.alerts import AlertBannerFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

VCL = (settings.BASE_DIR / "deploy" / "varnish" / "townhall.vcl").read_text()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_a_second_anonymous_visitor_is_answered_without_the_database(service_page):
    Client().get(service_page.url)
    count, response = queries_for(Client(), service_page.url)
    assert count == 0
    assert "Report a missed bin collection" in response.content.decode()
    assert "public" in response["Cache-Control"]


def test_staff_and_residents_with_a_session_always_get_a_fresh_page(client, service_page):
    Client().get(service_page.url)
    sign_in_verified(client, UserFactory(is_staff=True, is_superuser=True))
    count, response = queries_for(client, service_page.url)
    assert count > 0
    assert "private" in response["Cache-Control"]


def test_each_cookie_choice_has_its_own_copy(service_page):
    Client().get(service_page.url)
    visitor = Client()
    visitor.cookies[settings.COOKIE_BANNER_COOKIE] = "1"
    count, response = queries_for(visitor, service_page.url)
    assert count > 0
    assert "Hide cookie message" not in response.content.decode()
    assert "Hide cookie message" in Client().get(service_page.url).content.decode()


def test_publishing_a_change_shows_at_once(service_page):
    Client().get(service_page.url)
    service_page.title = "Report a missed bin or recycling collection"
    service_page.save_revision().publish()
    html = Client().get(service_page.url).content.decode()
    assert "Report a missed bin or recycling collection" in html


def test_a_new_alert_shows_at_once(service_page):
    Client().get(service_page.url)
    AlertBannerFactory(title="Collections delayed by snow")
    assert "Collections delayed by snow" in Client().get(service_page.url).content.decode()


def test_the_app_and_varnish_keep_the_same_cookies():
    kept_by_varnish = re.search(r";\(([\w|]+)\)=", VCL).group(1).split("|")
    assert kept_by_varnish == settings.FRONT_CACHE_COOKIES
    assert set(settings.FRONT_CACHE_COOKIES) == {
        settings.COOKIE_BANNER_COOKIE,
        HIDDEN_ALERTS_COOKIE,
    }
