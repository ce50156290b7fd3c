"""The language switcher's links, as a screen reader reads them: not the bare language name but
what the link does, said in the language it switches to (GOV.UK's language select)."""

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from tests.factories import GuidePageFactory
from tests.factories.journeys import JourneyPageFactory
from tests.factories.pages import publish_translation

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


# Where the switcher and the alternates lead from a guide's part, a form's question and the
# "Report a problem with this page" form: to the same thing in the other language.


def _switch(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    [link] = soup.select("nav.govuk-language-navigation a")
    return link["href"]


def _alternates(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }


@pytest.fixture
def guide(service_page, welsh_home):
    welsh = welsh_home.locale
    category = publish_translation(service_page.get_parent(), welsh, slug="biniau")
    english = GuidePageFactory(parent=service_page.get_parent(), title="Recycling", slug="guide")
    cymraeg = publish_translation(
        english,
        welsh,
        slug="canllaw",
        title="Ailgylchu",
        parts=[
            ("part", {"title": "Trosolwg", "body": [("paragraph", "<p>Un.</p>")]}),
            ("part", {"title": "Cymhwysedd", "body": [("paragraph", "<p>Dau.</p>")]}),
        ],
    )
    assert category.url == "/cy/biniau/"
    return english, cymraeg


def test_a_guides_part_switches_to_the_same_part_in_welsh_and_back(client, guide):
    english = client.get("/bins-and-recycling/guide/eligibility/")
    assert _switch(english) == "/cy/biniau/canllaw/cymhwysedd/"
    welsh = client.get(_switch(english))
    assert welsh.status_code == 200
    assert "Dau." in welsh.content.decode()
    assert _switch(welsh) == "/bins-and-recycling/guide/eligibility/"
    assert client.get(_switch(welsh)).status_code == 200
    both = {
        "en": "http://testserver/bins-and-recycling/guide/eligibility/",
        "cy": "http://testserver/cy/biniau/canllaw/cymhwysedd/",
    }
    assert _alternates(english) == both
    assert _alternates(welsh) == both


def test_the_first_part_of_a_guide_still_switches_to_the_guide(client, guide):
    assert _switch(client.get("/bins-and-recycling/guide/")) == "/cy/biniau/canllaw/"


@pytest.fixture
def report_problem(service_page, welsh_home):
    welsh = welsh_home.locale
    publish_translation(service_page.get_parent(), welsh, slug="biniau")
    cymraeg = publish_translation(service_page, welsh, slug="bin", title="Bin heb ei gasglu")
    return service_page, cymraeg


def test_report_a_problem_switches_to_the_form_about_the_welsh_page(client, report_problem):
    english, cymraeg = report_problem
    response = client.get(f"/feedback/{english.pk}/problem/?next={english.url}")
    href = _switch(response)
    assert href == f"/feedback/{cymraeg.pk}/problem/?next=%2Fcy%2Fbiniau%2Fbin%2F"
    welsh = client.get(href)
    assert "Bin heb ei gasglu" in welsh.content.decode()
    assert _switch(welsh) == (
        f"/feedback/{english.pk}/problem/?next=%2Fbins-and-recycling%2Freport-a-missed-bin%2F"
    )
    # A form is no alternate version of the page for search engines.
    assert _alternates(response) == {}


def test_report_a_problem_about_a_page_not_in_welsh_switches_to_its_welsh_ancestor(
    client, service_page, welsh_home
):
    response = client.get(f"/feedback/{service_page.pk}/problem/")
    assert _switch(response) == "/cy/"


@pytest.fixture
def online_form(service_page, welsh_home):
    welsh = welsh_home.locale
    publish_translation(service_page.get_parent(), welsh, slug="biniau")
    publish_translation(service_page, welsh, slug="bin")
    english = JourneyPageFactory(parent=service_page)
    return english, publish_translation(english, welsh, slug="ffurflen")


def test_a_forms_question_switches_to_the_same_question(client, online_form):
    response = client.get("/bins-and-recycling/report-a-missed-bin/form/bin-type/")
    assert _switch(response) == "/cy/biniau/bin/ffurflen/bin-type/"


def test_a_forms_own_pages_switch_to_the_welsh_forms_start(client, online_form):
    response = client.get("/bins-and-recycling/report-a-missed-bin/form/resume/?token=x")
    assert _switch(response) == "/cy/biniau/bin/ffurflen/"
    assert client.get(_switch(response), follow=True).status_code == 200
    assert _alternates(response) == {}


def test_the_welsh_page_not_found_links_to_the_welsh_home_page(client, welsh_home):
    response = client.get("/cy/dim-tudalen-yma/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    links = [a["href"] for a in soup.select("main a.govuk-link")]
    assert links == ["/cy/"]
