"""The demo council is all there in Welsh: every page the demo seeds in English has a Welsh page at
/cy/ that a Welsh reader can use (guides, step by steps, news and the alert banner included), with
no English demo text left in it."""

import io
import re

from wagtail.models import Locale, Page, Site

import pytest
from bs4 import BeautifulSoup

from forms_app.journeys.pages import AbstractJourneyPage
from home.alerts.models import AlertBanner
from home.demo_cy import seed_welsh

pytestmark = pytest.mark.django_db

GUIDE_CY = "/cy/biniau-ac-ailgylchu/canllaw-ailgylchu/"
STEP_BY_STEP_CY = "/cy/cysylltu-ar-cyngor/symud-i-lanrhyd-cam-wrth-gam/"
NEWS_CY = "/cy/newyddion/"
ALERT_EN = "Online services are unavailable early on Sunday mornings"
ALERT_CY = "Nid yw gwasanaethau ar-lein ar gael yn gynnar ar fore Sul"
# A few sentences from the English demo's page bodies that no Welsh page should show.
DEMO_SENTENCES = [
    "You can do this online at any time.",
    "If you need help in another language or format",
    "Bins are emptied between 7am and 6pm.",
    "Do not touch fly-tipped waste.",
    "Use your small grey caddy for all cooked and uncooked food.",
    "Schools, social care, bins, roads and more.",
    "Council Tax in Glanrhyd, April 2026 to March 2027",
    "Collections are running 2 weeks behind because of staff shortages.",
    "Tell us you have moved",
    "Our crews fixed more potholes than ever.",
    "Buses 12 and 40 stop outside.",
]


@pytest.fixture
def council(demo_council):
    """The demo council, seeded once for the module."""


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _text(element):
    return " ".join(element.get_text(" ").split())


def _main(response):
    return _text(_soup(response).select_one("main"))


def _english_pages():
    home = Site.objects.get(is_default_site=True).root_page
    return (
        Page.objects.descendant_of(home, inclusive=True)
        .live()
        .filter(locale=home.locale)
        .order_by("path")
        .specific()
    )


def _stream_texts(value):
    """The sentences residents read in raw StreamField data: strings of two words or more (not
    ids, phone numbers or email addresses)."""
    if isinstance(value, dict):
        return [text for key, v in value.items() if key != "id" for text in _stream_texts(v)]
    if isinstance(value, list):
        return [text for item in value for text in _stream_texts(item)]
    if isinstance(value, str):
        plain = " ".join(re.sub(r"<[^>]+>", " ", value).split())
        return [plain] if len(re.findall(r"[A-Za-z]{2,}", plain)) >= 2 and " " in plain else []
    return []


def _english_sentences(page):
    """The English page's own words: its title, summary and the text of its content blocks."""
    sentences = [page.title, getattr(page, "summary", "")]
    for name in ("body", "parts", "steps"):
        if hasattr(page, name):
            sentences += _stream_texts(list(getattr(page, name).raw_data))
    return [sentence for sentence in sentences if sentence]


def test_every_english_page_has_a_welsh_page_that_serves_in_welsh(client, council):
    welsh = Locale.objects.get(language_code="cy")
    english_pages = list(_english_pages())
    assert len(english_pages) > 60
    untranslated = [
        page.url
        for page in english_pages
        if not (translation := page.get_translation_or_none(welsh)) or not translation.live
    ]
    assert untranslated == []
    for page in english_pages:
        url = page.get_translation(welsh).url
        assert url.startswith("/cy/"), url
        response = client.get(url, follow=True)  # a form's address goes on to its first question
        assert response.status_code == 200, url
        assert _soup(response).html["lang"] == "cy", url


def test_no_welsh_page_shows_english_demo_text(client, council):
    welsh = Locale.objects.get(language_code="cy")
    seen_in_english = set()
    checked = 0
    for english in _english_pages():
        if isinstance(english, AbstractJourneyPage):
            continue  # forms are checked question by question in test_languages.py
        seen_in_english |= {s for s in DEMO_SENTENCES if s in _main(client.get(english.url))}
        main = _main(client.get(english.get_translation(welsh).url))
        left_in_english = [s for s in [*DEMO_SENTENCES, *_english_sentences(english)] if s in main]
        assert left_in_english == [], english.title
        checked += 1
    assert checked > 55
    assert seen_in_english == set(DEMO_SENTENCES), "a sentence is not in the English demo any more"


def test_welsh_pages_keep_the_english_blocks_in_the_same_order(council):
    welsh = Locale.objects.get(language_code="cy")
    compared = 0
    for english in _english_pages():
        translation = english.get_translation(welsh).specific
        for name in ("body", "parts", "steps"):
            if not hasattr(english, name):
                continue
            english_blocks = [block.block_type for block in getattr(english, name)]
            assert [block.block_type for block in getattr(translation, name)] == english_blocks
            compared += bool(english_blocks)
    assert compared > 45


def test_the_welsh_guide_has_welsh_contents_and_previous_and_next(client, council):
    first = _soup(client.get(GUIDE_CY))
    assert first.html["lang"] == "cy"
    assert first.h1.get_text(strip=True) == "Canllaw ailgylchu: beth sy’n mynd ym mha fin"
    contents = first.select_one("nav.townhall-contents")
    assert contents.h2.get_text(strip=True) == "Cynnwys"
    assert [item.get_text(strip=True) for item in contents.select("li")] == [
        "Gwastraff bwyd",
        "Gwydr, caniau a phlastig",
        "Papur a cherdyn",
        "Gwastraff gardd",
    ]
    assert "Defnyddiwch eich cadi bach llwyd" in _text(first.select_one("main"))
    next_link = first.select_one(".govuk-pagination__next a")
    assert _text(next_link) == "Nesaf : Gwydr, caniau a phlastig"
    assert next_link["href"] == f"{GUIDE_CY}gwydr-caniau-a-phlastig/"
    assert first.select_one(".govuk-pagination__prev") is None

    second = _soup(client.get(next_link["href"]))
    assert second.html["lang"] == "cy"
    assert "Rinsiwch nhw a’u rhoi’n rhydd yn y blwch glas." in _text(second.select_one("main"))
    previous_link = second.select_one(".govuk-pagination__prev a")
    assert _text(previous_link) == "Blaenorol : Gwastraff bwyd"
    assert previous_link["href"] == GUIDE_CY
    assert _text(second.select_one(".govuk-pagination__next a")) == "Nesaf : Papur a cherdyn"


def test_the_welsh_step_by_step_shows_welsh_steps_and_welsh_tasks(client, council):
    page = _soup(client.get(STEP_BY_STEP_CY))
    assert page.h1.get_text(strip=True) == "Symud i Lanrhyd: cam wrth gam"
    steps = [_text(step.h2) for step in page.select(".townhall-step-by-step__step")]
    assert steps == [
        "Cam 1 Rhowch wybod i ni eich bod wedi symud",
        "a Gwiriwch a allwch gael gostyngiad",
        "Cam 2 Trefnwch eich biniau",
        "Cam 3 Gwnewch gais am drwydded parcio",
        "Cam 4 Ymunwch â’r llyfrgell",
    ]
    tasks = {_text(a): a["href"] for a in page.select(".townhall-step-by-step a")}
    assert tasks["Talu eich Treth Gyngor"] == "/cy/treth-gyngor/talu-eich-treth-gyngor/"
    assert tasks["Ymuno â’r llyfrgell"] == "/cy/llyfrgelloedd-a-hamdden/ymuno-ar-llyfrgell/"
    assert len(tasks) == 7
    assert all(href.startswith("/cy/") for href in tasks.values())


def test_a_welsh_task_page_links_back_to_the_welsh_step_by_step(client, council):
    service = _soup(client.get("/cy/treth-gyngor/talu-eich-treth-gyngor/"))
    part_of = service.select_one(".townhall-part-of")
    assert part_of is not None, "no ‘Rhan o’ navigation on the Welsh task page"
    assert "Rhan o" in _text(part_of)
    assert [(_text(a), a["href"]) for a in part_of.select("a")] == [
        ("Symud i Lanrhyd: cam wrth gam", STEP_BY_STEP_CY)
    ]


def test_the_welsh_news_lists_ten_welsh_items_with_welsh_topics(client, council):
    news = _soup(client.get(NEWS_CY))
    titles = [_text(h2) for h2 in news.select("main ul.govuk-list h2")]
    assert len(titles) == 10
    assert titles[0] == "Newidiadau i gasgliadau biniau dros y Nadolig a’r Flwyddyn Newydd"
    assert "Cyngor ar lifogydd i breswylwyr ger Afon Glas" in titles
    summaries = _text(news.select_one("main ul.govuk-list"))
    assert "Mae ein criwiau wedi trwsio mwy o dyllau nag erioed." in summaries
    assert "Our crews" not in summaries

    item = _soup(client.get(news.select_one("main ul.govuk-list h2 a")["href"]))
    topic = item.select_one("main ul.govuk-list a")
    assert _text(topic) == "Biniau ac ailgylchu"
    by_topic = _soup(client.get(topic["href"]))
    assert [_text(h2) for h2 in by_topic.select("main ul.govuk-list h2")] == [
        "Newidiadau i gasgliadau biniau dros y Nadolig a’r Flwyddyn Newydd",
        "Dweud eich dweud am gynllun canol tref Glanrhyd",
    ]


def test_the_alert_banner_is_in_the_language_of_the_page(client, council):
    welsh = _text(_soup(client.get("/cy/")).select_one(".townhall-alerts"))
    assert ALERT_CY in welsh
    assert "Rydym yn diweddaru ein systemau bob dydd Sul rhwng 6am ac 8am." in welsh
    assert ALERT_EN not in welsh
    assert "We update our systems" not in welsh

    english = _text(_soup(client.get("/")).select_one(".townhall-alerts"))
    assert ALERT_EN in english
    assert ALERT_CY not in english


def test_a_disrupted_service_says_so_in_welsh(client, council):
    page = _soup(client.get("/cy/biniau-ac-ailgylchu/trefnu-casgliad-gwastraff-swmpus/"))
    banner = _text(page.select_one("main .govuk-notification-banner"))
    assert "Mae’r casgliadau bythefnos ar ei hôl hi oherwydd prinder staff." in banner


def test_the_welsh_council_tax_table_is_in_welsh(client, council):
    page = _soup(client.get("/cy/treth-gyngor/bandiau-a-thaliadau-treth-gyngor/"))
    table = page.select_one("main table")
    assert _text(table.caption) == "Y Dreth Gyngor yng Nglanrhyd, Ebrill 2026 i Fawrth 2027"
    assert [_text(th) for th in table.select("thead th")] == [
        "Band",
        "Gwerth yr eiddo (1 Ebrill 2003)",
        "Tâl blynyddol",
    ]
    assert "£44,001 i £65,000 £1,635.88" in _text(table)


def test_seeding_welsh_again_changes_nothing(council):
    pages, alerts = Page.objects.count(), AlertBanner.objects.count()
    out = io.StringIO()
    seed_welsh(out)
    assert out.getvalue() == ""
    assert (Page.objects.count(), AlertBanner.objects.count()) == (pages, alerts)
    assert AlertBanner.objects.filter(locale__language_code="cy").count() == 1
