"""The demo council in English and Welsh: a switcher on every page that goes to the same page in
the other language, hreflang alternates, Welsh built-in text, and forms that stay Welsh."""

import io
import re

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import Case
from forms_app.journeys.models import JourneyPage, Submission
from forms_app.journeys.references import display_reference
from home.demo_cy import JOURNEY_PAGE_NAMES, JOURNEY_TEXT, seed_welsh
from tests.factories import ServicePageFactory
from townhall.pagecache import forget_every_page

pytestmark = pytest.mark.django_db

BIN_SERVICE_EN = "/bins-and-recycling/report-a-missed-bin-collection/"
BIN_SERVICE_CY = "/cy/biniau-ac-ailgylchu/rhoi-gwybod-am-fin-heb-ei-gasglu/"
CONTACT_FORM_CY = "/cy/cysylltu-ar-cyngor/cysylltu-a-ni/ffurflen/"


@pytest.fixture
def council(demo_council):
    """The demo council with its Welsh translation, seeded once for the module."""


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _text(response):
    return " ".join(_soup(response).get_text(" ").split())


def _switcher(response):
    """{language: href or None for the current one} as the language navigation shows it."""
    nav = _soup(response).select_one("nav.govuk-language-navigation")
    assert nav is not None, "no language switcher on the page"
    links = {a["lang"]: a["href"] for a in nav.select("a[lang]")}
    current = nav.select_one("[aria-current=true]")
    return links, current["lang"], current.get_text(strip=True)


def _alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in _soup(response).select('link[rel="alternate"][hreflang]')
    }


def test_seed_welsh_twice_translates_once(council):
    pages = Page.objects.count()
    out = io.StringIO()
    seed_welsh(out)
    assert Page.objects.count() == pages
    assert out.getvalue() == ""
    welsh = Locale.objects.get(language_code="cy")
    assert Page.objects.filter(locale=welsh, live=True).count() >= 40


def test_a_service_page_links_to_itself_in_welsh_and_back(client, council):
    english = client.get(BIN_SERVICE_EN)
    links, current, name = _switcher(english)
    assert (current, name) == ("en", "English")
    assert links == {"cy": BIN_SERVICE_CY}
    assert _soup(english).html["lang"] == "en"

    welsh = client.get(links["cy"])
    assert welsh.status_code == 200
    assert _soup(welsh).html["lang"] == "cy"
    assert _soup(welsh).h1.get_text(strip=True) == "Rhoi gwybod am fin heb ei gasglu"
    links, current, name = _switcher(welsh)
    assert (current, name) == ("cy", "Cymraeg")
    assert links == {"en": BIN_SERVICE_EN}
    assert "Neidio i’r prif gynnwys" in _text(welsh)


def test_welsh_link_carries_lang_and_hreflang(client, council):
    link = _soup(client.get(BIN_SERVICE_EN)).select_one("nav.govuk-language-navigation a")
    assert (link["lang"], link["hreflang"]) == ("cy", "cy")
    # Screen readers skip the name and read, in Welsh, what the link does (GOV.UK's pattern).
    shown, hidden = link.find_all("span")
    assert (shown["aria-hidden"], shown.get_text(strip=True)) == ("true", "Cymraeg")
    assert "govuk-visually-hidden" in hidden["class"]
    assert hidden.get_text(strip=True) == "Newid yr iaith i’r Gymraeg"


def test_hreflang_alternates_name_both_languages(client, council):
    expected = {
        "en": f"http://testserver{BIN_SERVICE_EN}",
        "cy": f"http://testserver{BIN_SERVICE_CY}",
    }
    assert _alternates(client.get(BIN_SERVICE_EN)) == expected
    assert _alternates(client.get(BIN_SERVICE_CY)) == expected


def test_a_page_not_yet_in_welsh_goes_to_its_nearest_welsh_ancestor(client, council):
    bins = Page.objects.get(url_path__endswith="/bins-and-recycling/", locale__language_code="en")
    ServicePageFactory(parent=bins, title="Hire a skip", slug="hire-a-skip")  # just published
    response = client.get("/bins-and-recycling/hire-a-skip/")
    links, _current, _name = _switcher(response)
    assert links == {"cy": "/cy/biniau-ac-ailgylchu/"}
    # It does not exist in Welsh, so it claims no Welsh alternate.
    assert _alternates(response) == {}


def test_views_that_are_not_pages_switch_by_their_address(client, council):
    links, _current, _name = _switcher(client.get("/cookies/"))
    assert links == {"cy": "/cy/cookies/"}
    welsh = client.get("/cy/check-progress/")
    links, _current, _name = _switcher(welsh)
    assert links == {"en": "/check-progress/"}
    assert "Gwirio cynnydd eich ffurflen" in _text(welsh)


def test_a_form_question_switches_to_the_same_question_at_its_welsh_address(client, council):
    response = client.get(f"{BIN_SERVICE_EN}form/bin-type/")
    links, _current, _name = _switcher(response)
    assert links == {"cy": f"{BIN_SERVICE_CY}ffurflen/math-o-fin/"}
    welsh = client.get(links["cy"])
    assert _soup(welsh).h1.get_text(strip=True) == "Pa fin na chafodd ei gasglu?"
    links, _current, _name = _switcher(welsh)
    assert links == {"en": f"{BIN_SERVICE_EN}form/bin-type/"}


def test_the_home_pages_link_to_each_other(client, council):
    assert _switcher(client.get("/"))[0] == {"cy": "/cy/"}
    welsh = client.get("/cy/")
    assert _switcher(welsh)[0] == {"en": "/"}
    assert _soup(welsh).h1.get_text(strip=True) == "Cyngor Bwrdeistref Sirol Glanrhyd"


def test_the_switcher_adds_no_query_to_a_warm_page(client, council):
    with CaptureQueriesContext(connection) as cold:
        client.get(BIN_SERVICE_CY)
    assert [q for q in cold.captured_queries if '"translation_key" IN (SELECT' in q["sql"]]
    forget_every_page()  # rendered again, not the app's kept copy
    with CaptureQueriesContext(connection) as warm:
        client.get(BIN_SERVICE_CY)
    translations = [q for q in warm.captured_queries if '"translation_key" IN (SELECT' in q["sql"]]
    assert translations == []


def test_welsh_forms_keep_names_and_values_and_have_welsh_page_names(council):
    for welsh in JourneyPage.objects.filter(locale__language_code="cy"):
        english = welsh.get_translation(Locale.objects.get(language_code="en"))
        welsh_steps, english_steps = welsh.journey().steps, english.journey().steps
        names = {e.slug: w.slug for w, e in zip(welsh_steps, english_steps, strict=True)}
        assert set(names) == set(JOURNEY_PAGE_NAMES) & set(names), welsh.title
        assert [w.slug for w in welsh_steps] == [JOURNEY_PAGE_NAMES[e.slug] for e in english_steps]
        # Each rule goes to the Welsh name of the page the English rule goes to.
        for w, e in zip(welsh_steps, english_steps, strict=True):
            assert w.rules == {answer: names[target] for answer, target in e.rules.items()}
        welsh_names = [n for s in welsh.journey().steps for n in s.question_names]
        assert welsh_names == [n for s in english.journey().steps for n in s.question_names]
        assert str(welsh.steps.raw_data) != str(english.steps.raw_data)
    english_labels = set(JOURNEY_TEXT)
    for welsh in JourneyPage.objects.filter(locale__language_code="cy"):
        labels = re.findall(r"'(?:label|hint|heading)': '([^']+)'", str(welsh.steps.raw_data))
        assert not english_labels & set(labels), welsh.title


def test_a_form_started_in_welsh_stays_welsh_to_the_email(
    client, council, django_capture_on_commit_callbacks
):
    for slug, data in [
        ("pwnc", {"topic": "waste"}),
        ("neges", {"message": "Mae’r bin du heb ei gasglu ers pythefnos."}),
        ("manylion-cyswllt", {"full_name": "Carys Lloyd", "email": "carys@example.com"}),
    ]:
        page = client.get(f"{CONTACT_FORM_CY}{slug}/")
        assert _soup(page).html["lang"] == "cy"
        assert "Parhau" in _text(page)
        response = client.post(f"{CONTACT_FORM_CY}{slug}/", data)
        assert response.status_code == 302, (slug, _text(response))

    check = client.get(f"{CONTACT_FORM_CY}check-your-answers/")
    assert "Gwiriwch eich atebion cyn anfon eich ffurflen" in _text(check)
    assert "Am beth mae eich neges?" in _text(check)
    assert "Biniau ac ailgylchu" in _text(check)
    assert "Newid" in _text(check)
    token = _soup(check).find("input", attrs={"name": "token"})["value"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"{CONTACT_FORM_CY}check-your-answers/", {"token": token, "website": ""})
    assert sent["Location"] == f"{CONTACT_FORM_CY}confirmation/"
    confirmation = client.get(sent["Location"])
    assert "Neges wedi’i hanfon" in _text(confirmation)
    assert "Eich cyfeirnod" in _text(confirmation)

    submission = Submission.objects.order_by("-pk").first()
    case = Case.objects.get(submission=submission)
    assert (submission.language, case.language) == ("cy", "cy")
    assert case.queue.name == "Waste"  # the Welsh form routes like the English one
    [email] = [m for m in mail.outbox if m.to == ["carys@example.com"]]
    reference = display_reference(submission.reference)  # grouped, as on the confirmation page
    assert email.subject == f"Rydym wedi cael eich ffurflen – cyfeirnod {reference}"
    assert "Eich cyfeirnod yw" in email.body
    assert "/cy/check-progress/" in email.body
