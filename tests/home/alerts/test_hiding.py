"""Hiding a banner with its "Hide this alert" button: a plain form that needs no JavaScript."""

from django.test import Client

import pytest

from home.alerts.cookies import HIDDEN_ALERTS_COOKIE
from home.alerts.enums import AlertLevel
from tests.factories.alerts import AlertBannerFactory

from .conftest import shown_alerts

pytestmark = pytest.mark.django_db


@pytest.fixture
def road_closed(home_page):
    return AlertBannerFactory(title="Road closed", level=AlertLevel.WARNING)


@pytest.fixture
def flood_warning(home_page):
    return AlertBannerFactory(title="Flood warning", level=AlertLevel.EMERGENCY)


def test_hiding_a_warning_takes_the_resident_back_without_it(
    client, service_page, road_closed, flood_warning
):
    library = AlertBannerFactory(title="New library hours")
    assert shown_alerts(client.get(service_page.url)) == [
        "Flood warning",
        "Road closed",
        "New library hours",
    ]

    response = client.post("/alerts/hide/", {"alert": road_closed.pk, "next": service_page.url})
    assert response.status_code == 302
    assert response["Location"] == service_page.url
    cookie = response.cookies[HIDDEN_ALERTS_COOKIE]
    assert cookie.value == str(road_closed.pk)
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]
    assert 0 < cookie["max-age"] <= 60 * 60 * 24 * 60

    assert shown_alerts(client.get(service_page.url)) == ["Flood warning", "New library hours"]
    # Hidden everywhere, not only on the page it was hidden from.
    assert shown_alerts(client.get("/")) == ["Flood warning", "New library hours"]

    client.post("/alerts/hide/", {"alert": library.pk, "next": "/"})
    assert shown_alerts(client.get("/")) == ["Flood warning"]


def test_the_cookie_is_secure_when_the_site_is_served_over_https(client, road_closed):
    response = client.post("/alerts/hide/", {"alert": road_closed.pk, "next": "/"}, secure=True)
    assert response.cookies[HIDDEN_ALERTS_COOKIE]["secure"]


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_hiding_never_redirects_off_the_site(client, road_closed, next_url):
    response = client.post("/alerts/hide/", {"alert": road_closed.pk, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_emergency_cannot_be_hidden(client, flood_warning):
    response = client.post("/alerts/hide/", {"alert": flood_warning.pk, "next": "/"})
    assert response.status_code == 400
    assert HIDDEN_ALERTS_COOKIE not in response.cookies
    assert shown_alerts(client.get("/")) == ["Flood warning"]


def test_an_emergency_shows_even_if_its_id_is_put_in_the_cookie(client, flood_warning):
    client.cookies[HIDDEN_ALERTS_COOKIE] = str(flood_warning.pk)
    assert shown_alerts(client.get("/")) == ["Flood warning"]


def test_hiding_is_refused_from_another_site(road_closed):
    response = Client(enforce_csrf_checks=True).post(
        "/alerts/hide/",
        {"alert": road_closed.pk, "next": "/"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert HIDDEN_ALERTS_COOKIE not in response.cookies


def test_hiding_with_the_form_from_the_page_needs_no_token(road_closed):
    browser = Client(enforce_csrf_checks=True)
    assert "csrfmiddlewaretoken" not in browser.get("/").content.decode()
    response = browser.post(
        "/alerts/hide/",
        {"alert": road_closed.pk, "next": "/"},
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302
    assert shown_alerts(browser.get("/")) == []


def test_hiding_is_a_post_only(client, road_closed):
    assert client.get(f"/alerts/hide/?alert={road_closed.pk}&next=/").status_code == 405


def test_a_request_without_an_alert_is_refused(client, home_page):
    assert client.post("/alerts/hide/", {"alert": "road", "next": "/"}).status_code == 400


def test_an_alert_deleted_since_the_page_loaded_just_goes_back(client, road_closed):
    alert_id = road_closed.pk
    road_closed.delete()
    response = client.post("/alerts/hide/", {"alert": alert_id, "next": "/cookies/"})
    assert response["Location"] == "/cookies/"
    assert HIDDEN_ALERTS_COOKIE not in response.cookies


def test_the_cookie_remembers_only_the_twenty_most_recently_hidden(client, road_closed):
    older = [str(n) for n in range(1000, 1020)]
    client.cookies[HIDDEN_ALERTS_COOKIE] = ".".join(older)
    response = client.post("/alerts/hide/", {"alert": road_closed.pk, "next": "/"})
    remembered = response.cookies[HIDDEN_ALERTS_COOKIE].value.split(".")
    assert len(remembered) == 20
    assert remembered[-1] == str(road_closed.pk)
    assert "1000" not in remembered
    assert shown_alerts(client.get("/")) == []


def test_a_mangled_cookie_is_ignored(client, road_closed):
    client.cookies[HIDDEN_ALERTS_COOKIE] = "not-ids;;"
    assert shown_alerts(client.get("/")) == ["Road closed"]
