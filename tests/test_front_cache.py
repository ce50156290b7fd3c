"""What the app tells a shared cache (Varnish) it may keep: public pages for anonymous visitors.

The real Varnish in front of the app is in tests/test_varnish.py; these check the promise itself.
"""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from tests.factories import LocationPageFactory, UserFactory
from tests.factories.alerts import AlertBannerFactory
from tests.factories.journeys import JourneyPageFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db


def shared_for(response):
    """How many seconds a shared cache may keep the response, or None if it may not."""
    directives = {
        part.strip().split("=")[0]: part.strip().split("=")[-1]
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }
    if "public" not in directives or "private" in directives:
        return None
    return int(directives["s-maxage"])


def test_a_public_page_is_the_same_for_every_anonymous_visitor(client, service_page):
    response = client.get(service_page.url)
    assert shared_for(response) == 600
    assert "Cookie" in response["Vary"]
    assert not response.cookies, "a page that sets a cookie is personal"
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "Is this page useful?" in html


def test_welsh_pages_are_shared_too(client, home_page):
    assert shared_for(client.get("/cy/")) == 600


def test_staff_signed_in_never_get_a_shared_copy(client, service_page):
    sign_in_verified(client, UserFactory(is_superuser=True, is_staff=True))
    response = client.get(service_page.url)
    assert shared_for(response) is None
    assert "private" in response["Cache-Control"]


def test_an_online_form_is_never_shared(client, service_page):
    form = JourneyPageFactory(parent=service_page)
    response = client.get(form.url, follow=True)
    assert response.status_code == 200
    assert shared_for(response) is None
    for redirect_url, _status in response.redirect_chain:
        assert shared_for(client.get(redirect_url)) is None


def test_a_visitor_with_a_session_gets_a_private_copy(client, service_page):
    session = client.session  # as a form in progress leaves it
    session["form in progress"] = {"name": "Sam Jones"}
    session.save()
    assert shared_for(client.get(service_page.url)) is None


def test_search_results_are_not_shared_so_every_search_is_counted(client, home_page):
    assert shared_for(client.get("/search/?q=bins")) is None


def test_open_now_is_kept_a_minute_at_most(client, service_page):
    location = LocationPageFactory(parent=service_page.get_parent())
    assert shared_for(client.get(location.url)) == 60


def test_a_page_is_kept_no_longer_than_until_the_next_alert_starts(client, service_page):
    AlertBannerFactory(
        title="Roadworks from tomorrow",
        starts_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    seconds = shared_for(client.get(service_page.url))
    assert 240 < seconds <= 301


def test_a_page_is_kept_no_longer_than_until_a_showing_alert_ends(client, service_page):
    AlertBannerFactory(
        title="Offices closed until noon",
        ends_at=timezone.now() + datetime.timedelta(minutes=2),
    )
    response = client.get(service_page.url)
    assert "Offices closed until noon" in response.content.decode()
    assert 60 < shared_for(response) <= 121


def test_a_hidden_cookie_banner_still_gives_a_shared_copy(service_page):
    visitor = Client()
    visitor.cookies["townhall_cookie_message_hidden"] = "1"
    response = visitor.get(service_page.url)
    assert "Hide cookie message" not in response.content.decode()
    assert shared_for(response) == 600
