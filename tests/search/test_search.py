"""The search results page as a resident sees it: what is found, in what order, and what is kept."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

import pytest

from search.models import DailySearchCount, PromotedPage, PromotedResult, Synonym
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)

pytestmark = pytest.mark.django_db


def result_titles(html):
    """The titles of the ordinary results, in order, as the resident reads them."""
    listing = html.split('class="govuk-list govuk-list--spaced townhall-search-results"', 1)
    if len(listing) == 1:
        return []
    return re.findall(r'<h3[^>]*><a class="govuk-link" href="[^"]*">([^<]+)</a>', listing[1])


def recommended_titles(html):
    block = re.search(r"townhall-search-recommended(.*?)</ul>", html, re.DOTALL)
    if not block:
        return []
    return re.findall(r'<a class="govuk-link" href="[^"]*">([^<]+)</a>', block.group(1))


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, slug="news")


def translate(page, title, summary):
    """The page's Welsh translation, published (with Welsh copies of its parents)."""
    welsh, _ = Locale.objects.get_or_create(language_code="cy")
    translation = page.copy_for_translation(welsh, copy_parents=True)
    translation.title = title
    translation.summary = summary
    translation.save_revision().publish()
    return translation


@pytest.fixture
def welsh_service_page(service_page):
    return translate(
        service_page,
        "Rhoi gwybod am fin heb ei gasglu",
        "Dywedwch wrthym os na chafodd eich bin ei wagio.",
    )


def titles_for(client, query, language="en"):
    prefix = "/cy" if language == "cy" else ""
    return result_titles(client.get(f"{prefix}/search/", {"q": query}).content.decode())


def recommended_for(client, query, language="en"):
    prefix = "/cy" if language == "cy" else ""
    return recommended_titles(client.get(f"{prefix}/search/", {"q": query}).content.decode())


def test_search_finds_a_live_service_and_is_not_indexed(client, service_page):
    response = client.get("/search/", {"q": "missed bin"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{service_page.url}">Report a missed bin collection</a>' in html
    assert "Tell us if your bin was not emptied on your collection day." in html
    # Its category, as a breadcrumb to browse.
    assert 'href="/bins-and-recycling/"><span class="govuk-visually-hidden">In </span>' in html
    # The service first, then its category (which mentions bins).
    assert result_titles(html) == ["Report a missed bin collection", "Bins and recycling"]
    assert "2 results for ‘missed bin’" in html
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html


def test_search_with_no_results_helps_the_resident(client, service_page):
    html = client.get("/search/", {"q": "zzzzqqq"}).content.decode()
    assert "0 results for ‘zzzzqqq’" in html
    assert "There are no matching results" in html
    assert "checking your spelling" in html
    assert result_titles(html) == []


def test_an_empty_search_shows_just_the_box(client, service_page):
    html = client.get("/search/").content.decode()
    assert 'id="search-query"' in html
    assert "results for" not in html
    assert not DailySearchCount.objects.exists()


def test_search_leaves_out_unpublished_pages(client, service_page):
    service_page.unpublish()
    html = client.get("/search/", {"q": "missed bin"}).content.decode()
    assert "Report a missed bin collection</a>" not in html


def test_search_leaves_out_pages_behind_a_password_and_their_children(client, service_page):
    category = service_page.get_parent()
    PageViewRestriction.objects.create(
        page=category, restriction_type=PageViewRestriction.PASSWORD, password="staff"
    )
    html = client.get("/search/", {"q": "missed bin"}).content.decode()
    assert "Report a missed bin collection</a>" not in html
    assert "0 results" in html


def test_search_returns_pages_in_the_residents_language_only(client, welsh_service_page):
    english = result_titles(client.get("/search/", {"q": "bin"}).content.decode())
    assert "Report a missed bin collection" in english
    assert "Rhoi gwybod am fin heb ei gasglu" not in english

    welsh_html = client.get("/cy/search/", {"q": "bin"}).content.decode()
    welsh = result_titles(welsh_html)
    assert "Rhoi gwybod am fin heb ei gasglu" in welsh
    assert "Report a missed bin collection" not in welsh
    assert 'href="/cy/' in welsh_html


def test_title_and_summary_count_for_more_than_the_body(client, home_page):
    category = ServiceIndexPageFactory(parent=home_page, title="Roads", summary="Roads.")
    ServicePageFactory(
        parent=category,
        title="Apply for a skip licence",
        summary="Put a skip on the road outside your home.",
        body=[("paragraph", "<p>If the skip blocks a dropped kerb, tell us about a pothole.</p>")],
    )
    ServicePageFactory(parent=category, title="Report a pothole", summary="Damaged roads.")
    assert result_titles(client.get("/search/", {"q": "pothole"}).content.decode()) == [
        "Report a pothole",
        "Apply for a skip licence",
    ]


def test_services_come_before_news_about_the_same_thing(client, service_page, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Missed bin collection after the storm",
        summary="Bins missed on Monday will be collected on Saturday.",
    )
    titles = result_titles(client.get("/search/", {"q": "missed bin collection"}).content.decode())
    assert titles[:2] == ["Report a missed bin collection", "Missed bin collection after the storm"]


def test_filter_by_type_works_without_javascript(client, service_page, news_index):
    NewsPageFactory(parent=news_index, title="Bin collections over Christmas")
    html = client.get("/search/", {"q": "bin"}).content.decode()
    # A plain form: checkboxes with the number of results of each kind, and a submit button.
    assert 'name="type" type="checkbox" value="services"' in html
    assert "Services (2)</label>" in html
    assert "News (1)</label>" in html
    assert "Apply filters</button>" in html

    html = client.get("/search/", {"q": "bin", "type": "news"}).content.decode()
    assert result_titles(html) == ["Bin collections over Christmas"]
    assert "1 result for ‘bin’" in html
    assert 'value="news" checked' in html
    # A new search keeps the filter.
    assert '<input type="hidden" name="type" value="news">' in html

    html = client.get("/search/", {"q": "bin", "type": ["news", "services"]}).content.decode()
    assert len(result_titles(html)) == 3


def test_results_come_ten_to_a_page_with_govuk_pagination(client, home_page):
    category = ServiceIndexPageFactory(parent=home_page, title="Parks", summary="Parks.")
    for number in range(25):
        ServicePageFactory(parent=category, title=f"Book a football pitch {number}")

    first = client.get("/search/", {"q": "football"}).content.decode()
    assert "25 results for ‘football’" in first
    assert len(result_titles(first)) == 10
    assert 'class="govuk-pagination"' in first
    assert 'href="?q=football&amp;page=2" rel="next"' in first

    last = client.get("/search/", {"q": "football", "page": "3"}).content.decode()
    assert len(result_titles(last)) == 5
    assert 'aria-current="page">3</a>' in last
    assert 'rel="prev"' in last
    assert 'rel="next"' not in last
    # Every result is on exactly one page.
    middle = client.get("/search/", {"q": "football", "page": "2"}).content.decode()
    seen = result_titles(first) + result_titles(middle) + result_titles(last)
    assert len(set(seen)) == 25

    # A page number past the end shows the last page rather than an error.
    beyond = client.get("/search/", {"q": "football", "page": "99"})
    assert beyond.status_code == 200
    assert len(result_titles(beyond.content.decode())) == 5


def test_a_promoted_result_is_recommended_first_and_not_repeated(client, service_page, home_page):
    category = service_page.get_parent()
    day = ServicePageFactory(
        parent=category, title="Find your collection day", summary="Which day we come."
    )
    promotion = PromotedResult(phrases="Missed bin\nbin not emptied")
    promotion.pages.add(PromotedPage(page=day))
    promotion.save()

    html = client.get("/search/", {"q": "missed  BIN?"}).content.decode()
    assert recommended_titles(html) == ["Find your collection day"]
    assert "Recommended</h2>" in html
    assert html.index("Recommended</h2>") < html.index("Report a missed bin collection</a>")
    assert result_titles(html) == ["Report a missed bin collection", "Bins and recycling"]
    assert "3 results for" in html

    # Only for the searches it names.
    other = client.get("/search/", {"q": "bin collection"}).content.decode()
    assert recommended_titles(other) == []


def test_a_promoted_page_that_is_unpublished_is_not_recommended(client, service_page):
    promotion = PromotedResult(phrases="bins")
    promotion.pages.add(PromotedPage(page=service_page))
    promotion.save()
    service_page.unpublish()
    assert recommended_titles(client.get("/search/", {"q": "bins"}).content.decode()) == []


def test_a_synonym_finds_pages_that_use_the_councils_word(client, home_page):
    category = ServiceIndexPageFactory(parent=home_page, title="Waste", summary="Waste.")
    ServicePageFactory(
        parent=category, title="Book a bulky waste collection", summary="Large items."
    )
    assert result_titles(client.get("/search/", {"q": "rubbish"}).content.decode()) == []

    Synonym.objects.create(term="Rubbish", synonyms="waste,  refuse, Bins")
    titles = result_titles(client.get("/search/", {"q": "rubbish"}).content.decode())
    assert titles == ["Book a bulky waste collection", "Waste"]


def test_synonyms_are_used_only_for_searches_in_their_language(client, welsh_service_page):
    Synonym.objects.create(language="cy", term="Sbwriel", synonyms="bin")
    Synonym.objects.create(language="en", term="rubbish", synonyms="bin")

    assert "Rhoi gwybod am fin heb ei gasglu" in titles_for(client, "sbwriel", "cy")
    assert titles_for(client, "sbwriel") == []
    assert "Report a missed bin collection" in titles_for(client, "rubbish")
    assert titles_for(client, "rubbish", "cy") == []


def test_the_same_word_can_have_a_synonym_in_each_language(client, service_page):
    centres = ServicePageFactory(
        parent=service_page.get_parent(),
        title="Recycling centres",
        summary="Opening hours of our two recycling centres.",
    )
    translate(centres, "Canolfannau ailgylchu", "Oriau agor ein dwy ganolfan ailgylchu.")
    # Residents say 'the tip' in both languages.
    Synonym.objects.create(language="en", term="tip", synonyms="recycling centre")
    Synonym.objects.create(language="cy", term="tip", synonyms="canolfan ailgylchu")
    assert titles_for(client, "tip") == ["Recycling centres"]
    assert titles_for(client, "y tip", "cy") == ["Canolfannau ailgylchu"]


def test_a_promoted_page_is_recommended_in_the_language_of_the_search(
    client, service_page, welsh_service_page
):
    promotion = PromotedResult(phrases="Bin heb ei gasglu\nbin not emptied")
    promotion.pages.add(PromotedPage(page=service_page))
    promotion.save()

    assert recommended_for(client, "bin heb ei gasglu", "cy") == [
        "Rhoi gwybod am fin heb ei gasglu"
    ]
    # The searches may be in either language; the page is always in the search's.
    assert recommended_for(client, "bin not emptied", "cy") == ["Rhoi gwybod am fin heb ei gasglu"]
    assert recommended_for(client, "bin not emptied") == ["Report a missed bin collection"]


def test_a_page_with_no_welsh_translation_is_not_recommended_in_welsh(client, service_page):
    Locale.objects.create(language_code="cy")
    promotion = PromotedResult(phrases="bins")
    promotion.pages.add(PromotedPage(page=service_page))
    promotion.save()
    assert recommended_for(client, "bins") == ["Report a missed bin collection"]
    assert recommended_for(client, "bins", "cy") == []


def test_accents_do_not_matter_to_a_welsh_search(client, service_page):
    noise = ServicePageFactory(
        parent=service_page.get_parent(), title="Report a noise problem", summary="Neighbours."
    )
    translate(noise, "Rhoi gwybod am broblem sŵn", "Sŵn gan gymdogion, busnesau neu ddigwyddiadau.")
    assert titles_for(client, "swn", "cy") == ["Rhoi gwybod am broblem sŵn"]
    assert titles_for(client, "SŴN", "cy") == ["Rhoi gwybod am broblem sŵn"]

    # Nor to the editors' synonyms and promoted results.
    Synonym.objects.create(language="cy", term="cymdogion swnllyd", synonyms="sŵn")
    assert titles_for(client, "cymdogion swnllyd", "cy") == ["Rhoi gwybod am broblem sŵn"]
    promotion = PromotedResult(phrases="sŵn cymdogion")
    promotion.pages.add(PromotedPage(page=noise))
    promotion.save()
    assert recommended_for(client, "swn cymdogion", "cy") == ["Rhoi gwybod am broblem sŵn"]


def test_searches_are_logged_anonymously_once_per_search(client, service_page):
    client.get("/search/", {"q": "  Missed BIN! "})
    client.get("/search/", {"q": "missed bin"})
    client.get("/search/", {"q": "missed bin", "page": "2"})
    client.get("/search/", {"q": "zzzzqqq"})

    rows = {row.query: row for row in DailySearchCount.objects.all()}
    assert set(rows) == {"missed bin", "zzzzqqq"}
    assert rows["missed bin"].searches == 2
    assert rows["missed bin"].results == 2
    assert rows["missed bin"].day == timezone.localdate()
    assert rows["zzzzqqq"].results == 0
    # Nothing that could identify a resident is kept.
    fields = {field.name for field in DailySearchCount._meta.get_fields()}
    assert fields == {"id", "query", "language", "day", "searches", "results"}


def _queries_for_a_search(client, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return len(queries), response.content.decode()


# What one search results page may cost in SQL, however many pages match: the words' synonyms,
# the view restrictions, promoted results, the search, the summaries, the parents, the search log,
# and the site, session and banner look-ups every page makes.
MAX_QUERIES_FOR_A_SEARCH = 12


def test_a_results_page_costs_the_same_queries_with_200_matches_as_with_10(client, home_page):
    category = ServiceIndexPageFactory(parent=home_page, title="Leisure", summary="Leisure.")
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    for number in range(100):
        ServicePageFactory(parent=category, title=f"Rent an allotment plot {number}")
        NewsPageFactory(parent=news_index, title=f"Allotment plot {number} is free again")
    for number in range(5):
        ServicePageFactory(parent=category, title=f"Book a bowling green {number}")
        NewsPageFactory(parent=news_index, title=f"Bowling green {number} reopens")
    client.get("/search/", {"q": "warm up"})

    few, few_html = _queries_for_a_search(client, "bowling")
    many, many_html = _queries_for_a_search(client, "allotment")
    assert "10 results for ‘bowling’" in few_html
    assert "200 results for ‘allotment’" in many_html
    assert len(result_titles(many_html)) == 10
    assert few == many <= MAX_QUERIES_FOR_A_SEARCH

    # A later page of the 200 costs no more than the first.
    with CaptureQueriesContext(connection) as queries:
        later = client.get("/search/", {"q": "allotment", "page": "12"}).content.decode()
    assert len(result_titles(later)) == 10
    assert 'aria-current="page">12</a>' in later
    assert len(queries) <= many


def test_a_welsh_search_is_logged_as_welsh_as_typed(client, welsh_service_page):
    query = "Sut ydw i’n rhoi gwybod am fin heb ei gasglu?"
    html = client.get("/cy/search/", {"q": query}).content.decode()
    row = DailySearchCount.objects.get()
    assert (row.language, row.query) == ("cy", "sut ydw i n rhoi gwybod am fin heb ei gasglu")
    # As many as the resident was shown (PostgreSQL's stemming may find one more than SQLite).
    assert "Rhoi gwybod am fin heb ei gasglu" in result_titles(html)
    assert row.results == len(result_titles(html))


def test_old_search_counts_are_left_out_of_the_reports(admin_client):
    today = timezone.localdate()
    DailySearchCount.objects.create(query="bins", language="en", day=today, searches=3, results=5)
    DailySearchCount.objects.create(
        query="bins", language="en", day=today - datetime.timedelta(days=1), searches=2, results=5
    )
    DailySearchCount.objects.create(
        query="snow", language="en", day=today - datetime.timedelta(days=60), searches=9, results=0
    )
    html = admin_client.get("/admin/reports/top-searches/").content.decode()
    assert "bins" in html
    assert ">5<" in html.replace(" ", "").replace("\n", "")
    assert "snow" not in html
    html = admin_client.get("/admin/reports/top-searches/", {"period": "90"}).content.decode()
    assert "snow" in html


def test_a_news_result_shows_its_summary_date_and_section(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, slug="news", title="News")
    story = NewsPageFactory(
        parent=news_index,
        title="Glanrhyd library reopens",
        summary="The library is open again after its new roof.",
        date=datetime.date(2026, 3, 14),
    )

    html = client.get("/search/", {"q": "library"}).content.decode()

    assert f'href="{story.url}">Glanrhyd library reopens</a>' in html
    assert "The library is open again after its new roof." in html
    assert '<time datetime="2026-03-14">14 March 2026</time>' in html
    assert '<span class="govuk-visually-hidden">In </span>News</a>' in html


def test_when_more_pages_match_than_are_ranked_the_count_says_so(client, home_page, monkeypatch):
    monkeypatch.setattr("search.ranking.MAX_CANDIDATES", 5)
    category = ServiceIndexPageFactory(parent=home_page, title="Parks", summary="Parks.")
    for number in range(5):
        ServicePageFactory(parent=category, title=f"Book a bowling green {number}")

    exactly = client.get("/search/", {"q": "bowling"}).content.decode()
    assert "5 results for ‘bowling’" in exactly
    assert "More pages match" not in exactly

    ServicePageFactory(parent=category, title="Book a bowling green 5")
    more = client.get("/search/", {"q": "bowling"}).content.decode()
    assert "5+ results for ‘bowling’" in more
    assert "More pages match than the best 5 listed here." in more
    assert len(result_titles(more)) == 5


def test_query_count_does_not_depend_on_the_kinds_of_page_shown(client, home_page):
    category = ServiceIndexPageFactory(parent=home_page, title="Parks", summary="Parks.")
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    # Every result kind on the first page, or only services there and news further on.
    ServicePageFactory(parent=category, title="Book a croquet lawn")
    NewsPageFactory(parent=news_index, title="Croquet lawn reopens")
    for number in range(30):
        ServicePageFactory(parent=category, title=f"Book a squash court {number}")
    for number in range(30):
        NewsPageFactory(parent=news_index, title=f"Squash court {number} reopens")
    client.get("/search/", {"q": "warm up"})

    mixed, mixed_html = _queries_for_a_search(client, "croquet")
    services_first, services_html = _queries_for_a_search(client, "squash")
    assert "2 results for ‘croquet’" in mixed_html
    assert "60 results for ‘squash’" in services_html
    assert mixed == services_first
