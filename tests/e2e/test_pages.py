"""A resident's first look: home, a service page and a missing page, with and without JavaScript."""

import pytest

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_is_accessible_and_styled(page, service_page):
    response = page.goto("/")
    assert response.status == 200
    assert page.title() == "Home – Testshire Council"
    # GOV.UK Frontend's stylesheet loaded: the header is styled (not the browser's default).
    header_background = page.eval_on_selector(
        ".govuk-generic-header", "el => getComputedStyle(el).backgroundColor"
    )
    assert header_background not in ("rgba(0, 0, 0, 0)", "transparent")
    # GOV.UK Frontend's JavaScript ran.
    assert "govuk-frontend-supported" in page.get_attribute("body", "class")
    assert axe_violations(page) == []


def test_service_page_is_accessible(page, service_page):
    page.goto(service_page.url)
    assert page.locator("h1").inner_text() == "Report a missed bin collection"
    assert page.locator(".govuk-breadcrumbs").is_visible()
    assert axe_violations(page) == []


def test_missing_page_is_accessible(page, home_page):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert axe_violations(page) == []


def test_skip_link_moves_focus_to_the_main_content(page, service_page):
    page.goto(service_page.url)
    # The cookie banner comes first (as GOV.UK places it); once hidden, the skip link is first.
    with page.expect_navigation():
        page.get_by_role("button", name="Hide cookie message").click()
    page.keyboard.press("Tab")
    skip_link = page.locator(".govuk-skip-link")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**#main-content")


def test_pages_work_without_javascript(page_without_js, service_page):
    page = page_without_js
    page.goto("/")
    assert "govuk-frontend-supported" not in (page.get_attribute("body", "class") or "")
    page.get_by_role("link", name="Bins and recycling").first.click()
    page.get_by_role("link", name="Report a missed bin collection").click()
    assert page.locator("h1").inner_text() == "Report a missed bin collection"

    # The cookie banner's button is a plain form: it hides the banner with no script at all.
    assert page.locator(".govuk-cookie-banner").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Hide cookie message").click()
    assert page.locator("h1").inner_text() == "Report a missed bin collection"
    assert page.locator(".govuk-cookie-banner").count() == 0

    # Search from the header.
    page.get_by_label("Search this website").first.fill("missed bin")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").first.click()
    assert page.get_by_role("link", name="Report a missed bin collection").is_visible()


@pytest.mark.parametrize("path", ["/", "/bins-and-recycling/report-a-missed-bin/", "/missing/"])
def test_pages_without_javascript_are_accessible(page, service_page, path):
    goto_as_without_javascript(page, path)
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    assert axe_violations(page) == []


def test_the_accessibility_check_catches_a_real_problem(page, home_page):
    # Guards the harness itself: an image with no text alternative must be reported.
    page.goto("/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    assert any(v.startswith("image-alt") for v in axe_violations(page))
