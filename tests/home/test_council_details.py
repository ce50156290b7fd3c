"""The council's name, opening hours, address and footer links in each language: Welsh pages show
the Welsh translation of the council details, English pages the English, and an editor's change
to either shows on the next page load in that language only."""

import io
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

import pytest
from bs4 import BeautifulSoup

from home.demo import seed_council_settings
from home.models import CouncilDetails, CouncilSettings
from tests.factories import UserFactory, publish_translation
from tests.factories.users import sign_in_verified
from townhall.pagecache import forget_every_page

pytestmark = pytest.mark.django_db

WELSH_NAME = "Cyngor Sir Testshire"
WELSH_SERVICE = "/cy/biniau/rhoi-gwybod-am-fin/"


def _page(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def _chrome(response):
    """What a resident reads about the council in the header, title and footer."""
    page = _page(response)
    footer = page.select_one("footer.govuk-footer")
    phone = footer.find("a", href=lambda href: href and href.startswith("tel:"))
    return {
        "name": page.select_one(".townhall-header__name").get_text(strip=True),
        "title": page.title.get_text(strip=True).rsplit(" – ", 1)[-1],
        "hours": phone.parent.get_text("|", strip=True).split("|")[-1],
        "address": footer.select_one("address").get_text("|", strip=True).split("|"),
        "links": {
            a.get_text(strip=True): a["href"]
            for a in footer.select(".govuk-footer__inline-list a")
            if a.get_text(strip=True) not in ("Cookies", "Cwcis")
        },
        "copyright": footer.select_one(".govuk-footer__meta p").get_text(strip=True),
    }


@pytest.fixture
def welsh():
    return Locale.objects.get_or_create(language_code="cy")[0]


@pytest.fixture
def english_details(service_page):
    details = CouncilSettings.objects.get().details
    details.footer_links = [
        ("link", {"page": service_page, "title": "", "url": ""}),
        ("link", {"page": None, "title": "Accessibility", "url": "https://example.com/a11y"}),
    ]
    details.save()
    return details


@pytest.fixture
def welsh_pages(service_page, welsh):
    """The home page, the bins section and the missed bin service in Welsh."""
    section = service_page.get_parent()
    publish_translation(section.get_parent(), welsh, title="Cyngor Testshire")
    publish_translation(section, welsh, title="Biniau ac ailgylchu", slug="biniau")
    translation = publish_translation(
        service_page, welsh, title="Rhoi gwybod am fin heb ei gasglu", slug="rhoi-gwybod-am-fin"
    )
    assert translation.url == WELSH_SERVICE
    return translation


@pytest.fixture
def welsh_details(english_details, welsh):
    translation = english_details.copy_for_translation(welsh)
    translation.council_name = WELSH_NAME
    translation.contact_hours = "Dydd Llun i ddydd Gwener, 9am i 5pm"
    translation.contact_address = "Neuadd y Sir\nTestshire\nTS1 1AA"
    translation.footer_links = [
        ("link", english_details.footer_links[0].value),
        ("link", {"page": None, "title": "Hygyrchedd", "url": "https://example.com/cy/a11y"}),
    ]
    translation.save()
    return translation


def test_welsh_pages_show_the_welsh_details_and_english_pages_the_english(
    client, service_page, welsh_pages, welsh_details
):
    english = _chrome(client.get("/"))
    assert english == {
        "name": "Testshire Council",
        "title": "Testshire Council",
        "hours": "Monday to Friday, 9am to 5pm",
        "address": ["County Hall", "Testshire", "TS1 1AA"],
        "links": {
            "Report a missed bin collection": service_page.url,
            "Accessibility": "https://example.com/a11y",
        },
        "copyright": "© Testshire Council",
    }
    assert _chrome(client.get(service_page.url)) == english

    expected = {
        "name": WELSH_NAME,
        "title": WELSH_NAME,
        "hours": "Dydd Llun i ddydd Gwener, 9am i 5pm",
        "address": ["Neuadd y Sir", "Testshire", "TS1 1AA"],
        # A link to a page without its own text takes the page's title in Welsh, and goes there.
        "links": {
            "Rhoi gwybod am fin heb ei gasglu": WELSH_SERVICE,
            "Hygyrchedd": "https://example.com/cy/a11y",
        },
        "copyright": f"© {WELSH_NAME}",
    }
    assert _chrome(client.get("/cy/")) == expected
    assert _chrome(client.get(WELSH_SERVICE)) == expected
    # The phone number is the same in both languages: it is a setting, not translated.
    assert 'href="tel:01632960999"' in client.get(WELSH_SERVICE).content.decode()


def test_welsh_pages_show_the_english_details_until_they_are_translated(
    client, welsh_pages, english_details
):
    assert _chrome(client.get(WELSH_SERVICE))["name"] == "Testshire Council"
    assert _chrome(client.get(WELSH_SERVICE))["address"] == ["County Hall", "Testshire", "TS1 1AA"]


def test_changing_the_welsh_translation_shows_on_the_next_welsh_page_only(
    client, welsh_pages, welsh_details
):
    assert _chrome(client.get("/cy/"))["name"] == WELSH_NAME
    assert _chrome(client.get("/"))["name"] == "Testshire Council"

    welsh_details.council_name = "Cyngor Bwrdeistref Testshire"
    welsh_details.contact_hours = "Dydd Llun i ddydd Iau, 9am i 4pm"
    welsh_details.save()
    welsh = _chrome(client.get("/cy/"))
    assert (welsh["name"], welsh["hours"]) == (
        "Cyngor Bwrdeistref Testshire",
        "Dydd Llun i ddydd Iau, 9am i 4pm",
    )
    english = _chrome(client.get("/"))
    assert (english["name"], english["hours"]) == (
        "Testshire Council",
        "Monday to Friday, 9am to 5pm",
    )

    welsh_details.delete()
    assert _chrome(client.get("/cy/"))["name"] == "Testshire Council"


def test_an_editor_translates_the_details_with_wagtail_localize(
    client, welsh_pages, english_details, welsh
):
    """Translate, then translate the name in wagtail-localize's editor, then publish."""
    sign_in_verified(client, UserFactory(is_superuser=True, is_staff=True))
    assert _chrome(client.get("/cy/"))["name"] == "Testshire Council"

    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["home", "councildetails", english_details.pk],
    )
    assert client.post(submit, {"locales": [welsh.pk]}).status_code == 302
    translated = english_details.get_translation(welsh)
    translation = Translation.objects.get(target_locale=welsh)
    name = StringSegment.objects.get(source=translation.source, context__path="council_name")
    edit_string = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, name.pk]
    )
    response = client.put(
        edit_string,
        urlencode({"value": WELSH_NAME}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    edit = reverse(CouncilDetails.snippet_viewset.get_url_name("edit"), args=[translated.pk])
    assert client.post(edit, {"action": "publish"}).status_code == 302

    client.logout()
    assert _chrome(client.get("/cy/"))["name"] == WELSH_NAME
    assert _chrome(client.get("/"))["name"] == "Testshire Council"


def test_the_details_cost_a_warm_page_no_queries(client, welsh_pages, welsh_details):
    for url in ("/", "/cy/", WELSH_SERVICE):
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            client.get(url)
        forget_every_page()  # rendered again, not the app's kept copy
        with CaptureQueriesContext(connection) as warm:
            client.get(url)
        details = [q for q in cold.captured_queries if "home_councildetails" in q["sql"]]
        assert len(details) == 1, url  # the translation or its fallback, in one query
        assert not [q for q in warm.captured_queries if "home_council" in q["sql"]], url
        assert len(warm) < len(cold), url


def test_the_editor_is_told_where_the_details_are_and_how_they_are_translated(client, home_page):
    sign_in_verified(client, UserFactory(is_superuser=True, is_staff=True))
    settings_page = client.get(
        reverse("wagtailsettings:edit", args=["home", "councilsettings", home_page.get_site().pk])
    )
    assert "Pages in Welsh show the Welsh translation of what you choose here." in (
        settings_page.content.decode()
    )
    listing = client.get(reverse(CouncilDetails.snippet_viewset.get_url_name("list")))
    assert "Testshire Council" in listing.content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"label": "Council details"' in menu


def test_seeding_twice_makes_the_english_and_welsh_details_once(home_page):
    CouncilSettings.objects.all().delete()
    CouncilDetails.objects.all().delete()
    out = io.StringIO()
    seed_council_settings(out)
    seed_council_settings(out)
    details = CouncilSettings.objects.get().details
    assert CouncilDetails.objects.count() == 2
    assert details.council_name == "Glanrhyd County Borough Council"
    welsh = details.get_translation(Locale.objects.get(language_code="cy"))
    assert welsh.council_name == "Cyngor Bwrdeistref Sirol Glanrhyd"
    assert welsh.contact_hours == "Dydd Llun i ddydd Gwener, 9am i 5pm"
    assert out.getvalue().count("Translated the council details into Welsh.") == 1
