"""The language switcher's links, as a screen reader reads them: not the bare language name but
what the link does, said in the language it switches to (GOV.UK's language select)."""

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_home(home_page):
    translation = home_page.copy_for_translation(Locale.objects.create(language_code="cy"))
    translation.save_revision().publish()
    return translation


def _link(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    [link] = soup.select("nav.govuk-language-navigation a")
    shown, hidden = link.find_all("span")
    return {
        "lang": link["lang"],
        "hreflang": link["hreflang"],
        "shown": shown.get_text(strip=True) if shown.get("aria-hidden") == "true" else None,
        "read": hidden.get_text(strip=True) if "govuk-visually-hidden" in hidden["class"] else None,
    }


def test_the_welsh_link_is_read_in_welsh_on_an_english_page(client, welsh_home):
    assert _link(client.get("/")) == {
        "lang": "cy",
        "hreflang": "cy",
        "shown": "Cymraeg",
        "read": "Newid yr iaith i’r Gymraeg",
    }


def test_the_english_link_is_read_in_english_on_a_welsh_page(client, welsh_home):
    assert _link(client.get("/cy/")) == {
        "lang": "en",
        "hreflang": "en",
        "shown": "English",
        "read": "Change the language to English",
    }
