"""The sitemap search engines read: every language's pages, each with its alternates, at the
site's configured address (the one robots.txt gives), and each form once, at its start."""

from xml.etree import ElementTree

from django.test import override_settings

from wagtail.models import Locale

import pytest

from tests.factories import GuidePageFactory
from tests.factories.journeys import JourneyPageFactory
from tests.factories.pages import publish_translation

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def welsh_site(service_page):
    welsh = Locale.objects.create(language_code="cy")
    home = service_page.get_parent().get_parent()
    publish_translation(home, welsh)
    publish_translation(service_page.get_parent(), welsh, slug="biniau")
    publish_translation(service_page, welsh, slug="bin", title="Bin heb ei gasglu")
    guide = GuidePageFactory(parent=service_page.get_parent(), title="Recycling", slug="guide")
    publish_translation(
        guide,
        welsh,
        slug="canllaw",
        parts=[
            ("part", {"title": "Trosolwg", "body": [("paragraph", "<p>Un.</p>")]}),
            ("part", {"title": "Cymhwysedd", "body": [("paragraph", "<p>Dau.</p>")]}),
        ],
    )
    form = JourneyPageFactory(parent=service_page)
    publish_translation(form, welsh, slug="ffurflen")
    return service_page


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_the_sitemap_lists_welsh_pages_with_their_alternates(client, welsh_site):
    urls = _sitemap(client)
    english = "http://testserver/bins-and-recycling/report-a-missed-bin/"
    welsh = "http://testserver/cy/biniau/bin/"
    both = {"en": english, "cy": welsh}
    assert urls[english] == both
    assert urls[welsh] == both
    assert urls["http://testserver/cy/"] == {
        "en": "http://testserver/",
        "cy": "http://testserver/cy/",
    }


def test_a_guides_parts_are_alternates_of_the_same_part(client, welsh_site):
    urls = _sitemap(client)
    assert urls["http://testserver/cy/biniau/canllaw/cymhwysedd/"] == {
        "en": "http://testserver/bins-and-recycling/guide/eligibility/",
        "cy": "http://testserver/cy/biniau/canllaw/cymhwysedd/",
    }


def test_a_form_is_listed_at_its_start_only(client, welsh_site):
    forms = [url for url in _sitemap(client) if "/form/" in url or "/ffurflen/" in url]
    assert sorted(forms) == [
        "http://testserver/bins-and-recycling/report-a-missed-bin/form/",
        "http://testserver/cy/biniau/bin/ffurflen/",
    ]


def test_a_page_in_one_language_claims_no_alternates(client, welsh_site):
    urls = _sitemap(client)
    assert urls["http://testserver/a-to-z/"] == {
        "en": "http://testserver/a-to-z/",
        "cy": "http://testserver/cy/a-to-z/",
    }
    GuidePageFactory(parent=welsh_site.get_parent(), title="Only English", slug="only")
    assert _sitemap(client)["http://testserver/bins-and-recycling/only/"] == {}


@override_settings(WAGTAILADMIN_BASE_URL="https://www.council.example")
def test_the_sitemap_and_robots_txt_use_the_sites_address_whatever_host_is_asked(
    client, welsh_site
):
    robots = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    assert "Sitemap: https://www.council.example/sitemap.xml" in robots
    urls = _sitemap(client)
    assert all(url.startswith("https://www.council.example/") for url in urls)
    assert "https://www.council.example/cy/biniau/bin/" in urls
