"""Searching as a resident does: from the header, with and without JavaScript, then narrowing
the results and moving through their pages."""

import pytest

from tests.factories import NewsIndexPageFactory, NewsPageFactory, ServicePageFactory

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bin_pages(service_page, home_page):
    category = service_page.get_parent()
    for number in range(12):
        ServicePageFactory(parent=category, title=f"Book a bin delivery slot {number}")
    news = NewsIndexPageFactory(parent=home_page, slug="news")
    NewsPageFactory(parent=news, title="Bin collections over Christmas")
    return service_page


def search_from_header(page, words):
    page.get_by_label("Search this website").first.fill(words)
    with page.expect_navigation():
        page.get_by_role("button", name="Search").first.click()


def test_search_from_the_header_with_javascript(page, bin_pages):
    page.goto(bin_pages.url)
    search_from_header(page, "missed bin")
    assert page.get_by_role("status").inner_text().startswith("15 results for")
    first = page.locator(".townhall-search-results h3 a").first
    assert first.inner_text() == "Report a missed bin collection"
    assert axe_violations(page) == []


def test_search_filter_and_pages_without_javascript(page_without_js, bin_pages):
    page = page_without_js
    page.goto("/")
    search_from_header(page, "bin")
    assert page.get_by_role("status").inner_text() == "15 results for ‘bin’"

    page.get_by_label("News (1)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert page.get_by_role("status").inner_text() == "1 result for ‘bin’"
    assert page.locator(".townhall-search-results h3 a").all_inner_texts() == [
        "Bin collections over Christmas"
    ]

    page.get_by_role("link", name="Clear filters").click()
    assert page.get_by_role("status").inner_text() == "15 results for ‘bin’"
    assert page.locator(".townhall-search-results h3").count() == 10
    page.get_by_role("link", name="Next page").click()
    assert page.locator(".townhall-search-results h3").count() == 5
    assert page.locator('[aria-current="page"]').inner_text() == "2"


@pytest.mark.parametrize("query", ["bin", "zzzzqqq"])
def test_results_and_no_results_pages_are_accessible(page, bin_pages, query):
    page.goto(f"/search/?q={query}")
    assert axe_violations(page) == []
    goto_as_without_javascript(page, f"/search/?q={query}")
    assert axe_violations(page) == []
