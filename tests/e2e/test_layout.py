"""Layout a resident sees at a desktop's width and at a small phone's: the home page's services
line up in rows, and the cookies page reflows at 320 pixels with nothing to scroll sideways."""

import pytest

from tests.factories import ServiceIndexPageFactory

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_home_pages_services_line_up_in_rows_on_a_desktop(page, home_page):
    summaries = [
        "Short.",
        "A much longer summary that runs over several lines on a desktop screen, so that this "
        "card is far taller than the others beside it in its row, as real summaries can be.",
        "Short too.",
        "Fourth.",
        "Fifth.",
        "Sixth.",
    ]
    for number, summary in enumerate(summaries):
        ServiceIndexPageFactory(
            parent=home_page, title=f"Category {number}", slug=f"c{number}", summary=summary
        )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    cards = page.locator(".townhall-categories > li")
    assert cards.count() == 6
    tops = [round(cards.nth(n).bounding_box()["y"]) for n in range(6)]
    lefts = [round(cards.nth(n).bounding_box()["x"]) for n in range(6)]
    # Three to a row, each row starting level, the second row in the same three columns.
    assert tops[0] == tops[1] == tops[2]
    assert tops[3] == tops[4] == tops[5] > tops[0]
    assert lefts[:3] == lefts[3:]
    assert axe_violations(page) == []


def test_the_cookies_page_needs_no_sideways_scrolling_at_320_pixels(page, home_page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/cookies/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Each cookie's details are still there, each under its column's name.
    first_row = page.locator(".govuk-table__body .govuk-table__row").first
    assert first_row.inner_text().split("\n")[:2] == ["Name", "csrftoken"]
    assert axe_violations(page) == []


def test_the_cookies_table_is_a_table_on_a_desktop(page, home_page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/cookies/")
    assert page.locator(".govuk-table__head").is_visible()
    assert not page.locator(".townhall-table-stacked__label").first.is_visible()
    assert axe_violations(page) == []
