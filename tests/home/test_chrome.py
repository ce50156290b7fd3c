"""The page chrome every resident sees: header, navigation, phase banner, footer, cookie banner."""

from django.conf import settings

import pytest

from home.models import CouncilSettings, Phase

pytestmark = pytest.mark.django_db


def test_home_page_shows_council_name_and_service_navigation(client, service_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Testshire Council" in html
    assert 'class="govuk-service-navigation__link" href="/bins-and-recycling/"' in html
    assert '<a href="#main-content" class="govuk-skip-link"' in html
    assert 'href="/static/townhall/townhall.css"' in html


def test_service_page_has_breadcrumbs_back_to_its_category(client, service_page):
    response = client.get(service_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<nav class="govuk-breadcrumbs"' in html
    assert 'href="/bins-and-recycling/">Bins and recycling</a>' in html
    assert "<title>Report a missed bin collection – Testshire Council</title>" in html
    # The current section is marked in the service navigation.
    assert 'aria-current="true"' in html


def test_a_site_without_council_details_still_has_a_name(client, home_page):
    CouncilSettings.objects.update(details=None)
    html = client.get("/").content.decode()
    assert '<span class="townhall-header__name">Townhall</span>' in html
    assert "<address" not in html


def test_phase_banner_follows_the_council_setting(client, home_page):
    council = CouncilSettings.objects.get()
    council.phase = Phase.BETA
    council.feedback_url = "https://example.com/feedback"
    council.save()
    html = client.get("/").content.decode()
    assert "govuk-phase-banner" in html
    assert 'href="https://example.com/feedback">give your feedback</a>' in html

    council.phase = Phase.LIVE
    council.save()
    assert "govuk-phase-banner" not in client.get("/").content.decode()


def test_footer_shows_contact_details_and_editor_links(client, service_page):
    council = CouncilSettings.objects.get()
    council.details.footer_links = [
        ("link", {"page": service_page, "title": "", "url": ""}),
        ("link", {"page": None, "title": "Accessibility", "url": "https://example.com/a11y"}),
    ]
    council.details.save()
    council.social_links = [("social", {"network": "bluesky", "url": "https://bsky.app/x"})]
    council.save()
    html = client.get("/").content.decode()
    assert 'href="tel:01632960999">01632 960 999</a><br>Monday to Friday, 9am to 5pm' in html
    assert '<address class="townhall-address">County Hall<br>Testshire<br>TS1 1AA</address>' in html
    assert f'href="{service_page.url}">Report a missed bin collection</a>' in html
    assert 'href="https://example.com/a11y">Accessibility</a>' in html
    assert 'href="https://bsky.app/x">Bluesky</a>' in html
    assert 'href="/cookies/">Cookies</a>' in html


def test_cookie_banner_hides_without_javascript(client, home_page):
    assert "govuk-cookie-banner" in client.get("/").content.decode()
    response = client.post("/cookies/hide/", {"next": "/cookies/"})
    assert response.status_code == 302
    assert response["Location"] == "/cookies/"
    assert response.cookies[settings.COOKIE_BANNER_COOKIE]["httponly"]
    assert "govuk-cookie-banner" not in client.get("/").content.decode()


def test_cookie_banner_never_redirects_off_the_site(client, home_page):
    response = client.post("/cookies/hide/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_hiding_the_cookie_banner_is_refused_from_another_site(home_page):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    forged = browser.post("/cookies/hide/", {"next": "/"}, HTTP_SEC_FETCH_SITE="cross-site")
    assert forged.status_code == 403
    assert settings.COOKIE_BANNER_COOKIE not in forged.cookies
    # The banner's own form (on a page every visitor shares) carries no token, and works.
    assert "csrfmiddlewaretoken" not in browser.get("/").content.decode()
    ours = browser.post("/cookies/hide/", {"next": "/"}, HTTP_SEC_FETCH_SITE="same-origin")
    assert ours.status_code == 302
    assert settings.COOKIE_BANNER_COOKIE in ours.cookies


def test_cookies_page_lists_every_cookie_we_set(client, home_page):
    html = client.get("/cookies/").content.decode()
    for name in ("csrftoken", "sessionid", settings.COOKIE_BANNER_COOKIE, "townhall_hidden_alerts"):
        assert f'aria-hidden="true">Name</span>{name}</td>' in html


def test_missing_page_is_a_govuk_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in html
    assert "Testshire Council" in html


def test_welsh_prefix_serves_the_site_in_welsh_language_mode(client, home_page):
    response = client.get("/cy/")
    assert response.status_code == 200
    assert '<html lang="cy"' in response.content.decode()
