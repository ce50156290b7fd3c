"""`next=` on the forms that work without JavaScript: whatever anyone sends, the answer is a
redirect to a path on this site (the one asked for when it is one, otherwise home), never a
server error and never another site."""

from urllib.parse import urlsplit

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.utils.encoding import iri_to_uri

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from home.alerts.enums import AlertLevel
from tests.factories import UserFactory
from tests.factories.alerts import AlertBannerFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

# Printable or not, any text a form field can carry (lone surrogates cannot be sent at all).
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
HOSTILE = [
    "Infinity",
    "healthz",
    "admin:index",
    "//evil.example/",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /bins/",
    "\x00/bins/",
    "/\n",  # urlsplit() drops a line break: "/" was followed, not the page
    "/\t/evil.example",  # ... and a tab, which would leave "//evil.example"
]
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_stays_here(response, sent, home="/"):
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    parts = urlsplit(location)
    assert not parts.scheme and not parts.netloc, location
    assert location.startswith("/") and not location.startswith("//"), location
    # Followed exactly (as a URL, its unsafe characters %-encoded), or home.
    assert location in (iri_to_uri(sent), home), location


def fresh_allowance():
    """Each generated example is a visitor of its own: these forms are rate limited per client
    (tests/test_public_rate_limits.py), and hypothesis sends far more than a person would."""
    cache.clear()


@PROPERTY
@given(next_url=ANY_TEXT)
@example(next_url="/bins-and-recycling/?page=2")
@pytest.mark.parametrize("value", HOSTILE)
def test_hiding_the_cookie_message(client, home_page, value, next_url):
    fresh_allowance()
    for sent in (value, next_url):
        assert_stays_here(client.post("/cookies/hide/", {"next": sent}), sent)


def test_a_local_path_is_followed_and_a_name_is_not(client, home_page):
    assert client.post("/cookies/hide/", {"next": "/a-to-z/"})["Location"] == "/a-to-z/"
    assert client.post("/cookies/hide/", {"next": "healthz"})["Location"] == "/"


@PROPERTY
@given(next_url=ANY_TEXT)
def test_hiding_an_alert(client, home_page, next_url):
    fresh_allowance()
    alert = AlertBannerFactory(level=AlertLevel.WARNING)
    for sent in (next_url, *HOSTILE):
        assert_stays_here(client.post("/alerts/hide/", {"alert": alert.pk, "next": sent}), sent)


@PROPERTY
@given(alert=ANY_TEXT)
@example(alert="²")
@example(alert="9" * 40)
@example(alert="-1")
def test_an_alert_that_is_not_a_number_is_a_bad_request(client, home_page, alert):
    fresh_allowance()
    response = client.post("/alerts/hide/", {"alert": alert, "next": "/"})
    # A number is hidden if it is a banner, ignored if not; anything else is a bad request.
    assert response.status_code in (302, 400)
    if not (alert.isascii() and alert.isdigit()):
        assert response.status_code == 400


@PROPERTY
# What a cookie header can carry: Latin-1, without the characters that end a cookie.
@given(
    cookie=st.text(
        alphabet=st.characters(max_codepoint=255, blacklist_characters=';,"\\ '),
        max_size=60,
    ).filter(str.isprintable)
)
@example(cookie="²")
@example(cookie="1." + "9" * 40)
def test_any_hidden_alerts_cookie_still_shows_the_page(client, home_page, cookie):
    client.cookies["townhall_hidden_alerts"] = cookie
    assert client.get("/").status_code == 200


@PROPERTY
@given(next_url=ANY_TEXT)
def test_page_feedback(client, service_page, next_url):
    page_url = service_page.url
    for sent in (next_url, *HOSTILE):
        cache.clear()  # one resident answering over and over would be throttled
        response = client.post(f"/feedback/{service_page.pk}/", {"useful": "yes", "next": sent})
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert not location.scheme and not location.netloc
        assert location.path in (urlsplit(iri_to_uri(sent)).path, page_url)


@PROPERTY
@given(next_url=ANY_TEXT)
def test_starting_and_stopping_assisted_mode(client, home_page, next_url):
    staff = UserFactory(username="desk")
    staff.user_permissions.add(
        Permission.objects.get(codename="assist_residents"),
        Permission.objects.get(codename="access_admin"),
    )
    sign_in_verified(client, staff)
    for sent in (next_url, *HOSTILE):
        assert_stays_here(client.post("/check-progress/assisted/start/", {"next": sent}), sent)
        stopped = client.post("/check-progress/assisted/stop/", {"next": sent})
        assert_stays_here(stopped, sent, home="/admin/help-a-resident/")


@pytest.mark.parametrize("charset", ["utf-16", "no-such-charset", "latin-1", "UTF-32"])
@pytest.mark.parametrize("path", ["/admin/login/", "/cookies/hide/", "/check-progress/"])
def test_a_body_in_another_character_set_is_a_bad_request(client, home_page, charset, path):
    body = "next=/&reference=AB".encode("utf-16" if "16" in charset else "latin-1")
    # generic() sends the bytes as they are, where post() would re-encode them.
    response = client.generic(
        "POST", path, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert response.status_code == 400


def test_a_body_in_utf_8_is_read_as_usual(client, home_page):
    response = client.post(
        "/cookies/hide/",
        data=b"next=/a-to-z/",
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert response["Location"] == "/a-to-z/"
