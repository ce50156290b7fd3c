"""Every information page type and the A to Z in a real browser, as a resident meets them.

Each page must load, show what a resident came for and have no WCAG 2.2 A/AA problems that axe can
find, both with JavaScript on and with it off. The journeys that move between pages (guide parts,
news pagination, step by step tasks, expandable details) are followed by clicking, as a resident
would.
"""

import datetime
import re

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from services.enums import ServiceStatus
from services.models import DatedHours, OpeningHours
from tests.factories import (
    GuidePageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    StepByStepPageFactory,
)

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)

GUIDE_PARTS = ["Overview", "What goes in each bin", "Collection days"]


def _link(page=None, title="", url=""):
    return {"page": page, "title": title, "url": url}


def _part(title, text):
    return ("part", {"title": title, "body": [("paragraph", f"<p>{text}</p>")]})


def _step(title, tasks, logic="", description=""):
    return ("step", {"title": title, "logic": logic, "description": description, "tasks": tasks})


@pytest.fixture
def council(home_page):
    """A small council site with one of every information page type, filled in as editors do."""
    category = ServiceIndexPageFactory(
        parent=home_page,
        title="Bins and recycling",
        slug="bins-and-recycling",
        summary="Collections, recycling and garden waste.",
    )
    garden = ServicePageFactory(
        parent=category,
        title="Garden waste collection",
        slug="garden-waste",
        summary="Get your garden waste collected every two weeks.",
        status=ServiceStatus.DISRUPTED,
        status_message="Collections are a day late this week.",
    )
    guide = GuidePageFactory(
        parent=category,
        title="Recycling guide",
        slug="recycling-guide",
        summary="What you can recycle and when it is collected.",
        last_reviewed=datetime.date(2026, 1, 15),
        parts=[
            _part(GUIDE_PARTS[0], "Most of your rubbish can be recycled."),
            _part(GUIDE_PARTS[1], "Paper and card go in the blue bin."),
            _part(GUIDE_PARTS[2], "Bins are collected every week."),
        ],
    )
    service = ServicePageFactory(
        parent=category,
        title="Report a missed bin collection",
        slug="report-a-missed-bin",
        summary="Tell us if your bin was not emptied on your collection day.",
        last_reviewed=datetime.date(2026, 2, 3),
        start_page=guide,
        start_label="Report a missed bin",
        related_links=[("link", _link(garden))],
        body=[
            ("heading", "Before you report"),
            ("paragraph", "<p>Wait until 6pm on your collection day.</p>"),
            ("inset_text", "<p>Most missed bins are collected within 2 working days.</p>"),
            ("warning_text", "Do not leave bin bags on the pavement overnight."),
            (
                "details",
                {
                    "summary": "What counts as a missed collection",
                    "content": "<p>Your bin was out by 7am and was not emptied.</p>",
                },
            ),
            (
                "table",
                {
                    "data": [
                        ["Bin", "How often"],
                        ["Green", "Every week"],
                        ["Blue", "Fortnightly"],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": "Collection days",
                },
            ),
            (
                "steps",
                {
                    "steps": [
                        {"heading": "Check your collection day", "content": "<p>Online.</p>"},
                        {"heading": "Tell us what was missed", "content": ""},
                    ]
                },
            ),
            (
                "contact",
                {
                    "heading": "Waste services",
                    "phone": "01632 960 123",
                    "email": "waste@example.org",
                    "address": "Civic Centre\nHigh Street",
                    "hours": "Monday to Friday, 9am to 5pm",
                },
            ),
            ("button", _link(category, title="See all bin services")),
        ],
    )
    category.featured_tasks = [
        ("task", _link(service)),
        ("task", _link(title="Order a new bin", url="https://example.org/bins")),
    ]
    category.save()

    step_by_step = StepByStepPageFactory(
        parent=category,
        title="Moving home",
        slug="moving-home",
        summary="Sort out your bins when you move.",
        steps=[
            _step("Check your new collection day", [_link(service)], description="<p>Soon.</p>"),
            _step("Order garden waste bins", [_link(garden)], logic="and"),
            _step("Report any missed collections", [_link(service, title="Report a missed bin")]),
        ],
    )

    location = LocationPageFactory(
        parent=category,
        title="Civic Centre",
        slug="civic-centre",
        phone="01632 960 000",
        email="civic@example.org",
        directions="<p>Bus 12 stops outside.</p>",
        accessibility="<ul><li>Step-free entrance</li></ul>",
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(
            page=location,
            weekday=day,
            opens=datetime.time(9),
            closes=datetime.time(17),
            sort_order=day,
        )
        for day in range(7)
    )
    today = timezone.localdate()
    # Open round the clock today (so the status is the same whenever the tests run), closed
    # tomorrow: both changes beat the weekly hours and any bank holiday.
    DatedHours.objects.create(
        page=location,
        date=today,
        opens=datetime.time(0),
        closes=datetime.time(0),
        note="Open all day for the election",
        sort_order=0,
    )
    DatedHours.objects.create(
        page=location, date=today + datetime.timedelta(days=1), note="Stocktaking", sort_order=1
    )
    location.services_offered.add(service)
    location.save()

    news_index = NewsIndexPageFactory(parent=home_page, title="News", slug="news")
    for number in range(1, 12):
        NewsPageFactory(
            parent=news_index,
            title=f"Council meeting {number}",
            slug=f"council-meeting-{number}",
            date=datetime.date(2026, 1, number),
        )
    news = NewsPageFactory(
        parent=news_index,
        title="Bin strike ends",
        slug="bin-strike-ends",
        summary="Collections are back to normal from Monday.",
        date=datetime.date(2026, 2, 1),
    )
    news.topics.add("Bins")
    news.save()

    home_page.top_tasks = [
        ("task", _link(service)),
        ("task", _link(title="Pay your Council Tax", url="https://example.org/council-tax")),
    ]
    home_page.save()
    return {
        "home": home_page,
        "category": category,
        "service": service,
        "garden": garden,
        "guide": guide,
        "step_by_step": step_by_step,
        "location": location,
        "news_index": news_index,
        "news": news,
    }


def part_link(parts, direction, title):
    """The guide's 'Next' or 'Previous' link to the part called `title`.

    Its accessible name is read as "Next : Title" (the colon is visually hidden), so allow any
    spacing around the colon.
    """
    return parts.get_by_role("link", name=re.compile(rf"^{direction}\s*:\s*{re.escape(title)}$"))


def hide_cookie_banner(page):
    """Submit the cookie banner's form, as a resident who has read it does."""
    with page.expect_navigation():
        page.get_by_role("button", name="Hide cookie message").click()
    assert page.locator(".govuk-cookie-banner").count() == 0


def main(page):
    return page.locator("main")


def texts(locator):
    """What a resident reads in each element, with the spacing tidied up."""
    return [" ".join(text.split()) for text in locator.all_inner_texts()]


# What a resident must see on each page. Each takes the Playwright page and the council's pages.


def check_home(page, site):
    assert page.locator("h1").inner_text() == "Testshire Council"
    tasks = page.locator(".townhall-top-tasks a")
    assert texts(tasks) == ["Report a missed bin collection", "Pay your Council Tax"]
    assert tasks.first.get_attribute("href") == site["service"].url
    assert main(page).get_by_role("link", name="Bins and recycling").is_visible()
    # The three newest stories, newest first.
    latest = main(page).locator("h2:has-text('Latest news') + ul h3")
    assert texts(latest) == ["Bin strike ends", "Council meeting 11", "Council meeting 10"]
    assert main(page).get_by_role("link", name="A to Z of all services").is_visible()


def check_a_to_z(page, site):
    assert page.locator("h1").inner_text() == "A to Z of services"
    # Services, guides and step by steps, by first letter; the location is not a service.
    assert texts(main(page).locator("h2")) == ["G", "M", "R"]
    assert texts(page.locator("#letter-R + ul a")) == [
        "Recycling guide",
        "Report a missed bin collection",
    ]
    letters = page.get_by_role("navigation", name="Letters")
    assert letters.get_by_role("link", name="M", exact=True).get_attribute("href") == "#letter-M"
    # Letters with nothing under them are not links, and say so to screen readers.
    assert letters.get_by_role("link", name="A", exact=True).count() == 0
    assert "A (no services)" in texts(letters.locator("li"))


def check_category(page, site):
    assert page.locator("h1").inner_text() == "Bins and recycling"
    most_used = main(page).locator("h2:has-text('Most used') + ul a")
    assert texts(most_used) == ["Report a missed bin collection", "Order a new bin"]
    listing = main(page).locator("h3")
    assert texts(listing) == [
        "Civic Centre",
        "Garden waste collection Disrupted",
        "Moving home",
        "Recycling guide",
        "Report a missed bin collection",
    ]
    assert listing.nth(1).locator(".govuk-tag").is_visible()


def check_service(page, site):
    content = main(page)
    assert page.locator("h1").inner_text() == "Report a missed bin collection"
    assert page.locator(".govuk-breadcrumbs").is_visible()
    # It is a task in the step by step, which links back.
    part_of = content.locator(".townhall-part-of")
    assert part_of.get_by_role("link", name="Moving home").is_visible()
    # One of each body block.
    assert content.get_by_role("heading", name="Before you report", level=2).is_visible()
    assert content.get_by_text("Wait until 6pm on your collection day.").is_visible()
    assert content.locator(".govuk-inset-text").first.inner_text().startswith("Most missed bins")
    warning = content.locator(".govuk-warning-text")
    assert warning.is_visible()
    assert "Warning" in warning.text_content()  # read out before the warning itself
    assert "Do not leave bin bags on the pavement overnight." in warning.inner_text()
    assert content.locator("details summary").inner_text() == "What counts as a missed collection"
    table = content.get_by_role("table", name="Collection days")
    assert texts(table.locator("th")) == ["Bin", "How often", "Green", "Blue"]
    assert texts(content.locator("ol.govuk-list--number li strong")) == [
        "Check your collection day",
        "Tell us what was missed",
    ]
    contact = content.locator(".govuk-inset-text:has(h2)")
    assert contact.get_by_role("heading", name="Waste services").is_visible()
    assert contact.get_by_role("link", name="01632 960 123").get_attribute("href") == (
        "tel:01632960123"
    )
    assert contact.get_by_role("link", name="waste@example.org").is_visible()
    button = content.get_by_role("button", name="See all bin services")
    assert button.get_attribute("href") == site["category"].url
    start = content.get_by_role("button", name="Report a missed bin", exact=True)
    assert start.get_attribute("href") == site["guide"].url
    related = page.get_by_role("complementary", name="Related content")
    assert related.get_by_role("link", name="Garden waste collection").is_visible()
    assert content.get_by_text("Last reviewed: 3 February 2026").is_visible()


def check_disrupted_service(page, site):
    assert page.locator("h1").inner_text() == "Garden waste collection"
    banner = main(page).locator(".govuk-notification-banner")
    assert banner.is_visible()
    assert "Collections are a day late this week." in banner.inner_text()
    assert banner.get_attribute("role") == "region"


def check_guide(page, site):
    assert page.locator("h1").inner_text() == "Recycling guide"
    contents = page.get_by_role("navigation", name="Contents")
    assert texts(contents.locator("li")) == GUIDE_PARTS
    # The part being read is marked, not linked.
    assert contents.locator("[aria-current=page]").inner_text() == "Overview"
    assert texts(contents.get_by_role("link")) == GUIDE_PARTS[1:]
    assert main(page).locator("h2.govuk-heading-l").inner_text() == "1. Overview"
    assert main(page).get_by_text("Most of your rubbish can be recycled.").is_visible()
    parts = page.get_by_role("navigation", name="Guide parts")
    assert part_link(parts, "Next", "What goes in each bin").is_visible()
    assert parts.get_by_role("link", name=re.compile("^Previous")).count() == 0


def check_guide_part(page, site):
    assert page.title() == "What goes in each bin: Recycling guide – Testshire Council"
    assert page.locator("h1").inner_text() == "Recycling guide"
    assert main(page).locator("h2.govuk-heading-l").inner_text() == "2. What goes in each bin"
    contents = page.get_by_role("navigation", name="Contents")
    assert contents.locator("[aria-current=page]").inner_text() == "What goes in each bin"
    parts = page.get_by_role("navigation", name="Guide parts")
    assert part_link(parts, "Previous", "Overview").is_visible()
    assert part_link(parts, "Next", "Collection days").is_visible()


def check_step_by_step(page, site):
    assert page.locator("h1").inner_text() == "Moving home"
    steps = main(page).locator(".townhall-step-by-step__step")
    # An 'and' step shares the number of the step before it.
    assert texts(steps.locator(".townhall-step-by-step__number")) == ["Step 1", "and", "Step 2"]
    assert texts(steps.locator("h2")) == [
        "Step 1 Check your new collection day",
        "and Order garden waste bins",
        "Step 2 Report any missed collections",
    ]
    first_task = steps.nth(0).get_by_role("link", name="Report a missed bin collection")
    assert first_task.get_attribute("href") == site["service"].url
    assert steps.nth(2).get_by_role("link", name="Report a missed bin").get_attribute("href") == (
        site["service"].url
    )


def check_location(page, site):
    assert page.locator("h1").inner_text() == "Civic Centre"
    assert page.locator("#open-status").inner_text() == "Open now – closes at midnight"
    assert " ".join(main(page).locator("address").inner_text().split()) == (
        "1 High Street Glanrhyd GR1 1AA"
    )
    assert main(page).get_by_role("link", name="See Civic Centre on a map").is_visible()
    table = main(page).get_by_role("table", name="Opening times for the next 7 days")
    rows = table.locator("tbody tr")
    assert rows.count() == 7
    today, tomorrow = timezone.localdate(), timezone.localdate() + datetime.timedelta(days=1)
    assert texts(rows.nth(0).locator("th")) == [today.strftime("%A %-d %B")]
    assert texts(rows.nth(0).locator("td")) == [
        "midnight to midnight Open all day for the election"
    ]
    assert texts(rows.nth(1).locator("th")) == [tomorrow.strftime("%A %-d %B")]
    assert texts(rows.nth(1).locator("td")) == ["Closed Stocktaking"]
    offered = main(page).locator("h2:has-text('Services you can get help with here') + ul")
    assert texts(offered.get_by_role("link")) == ["Report a missed bin collection"]


def check_news_index(page, site):
    assert page.locator("h1").inner_text() == "News"
    stories = main(page).locator("ul.govuk-list--spaced > li h2")
    assert stories.count() == 10
    assert texts(stories.first) == ["Bin strike ends"]
    pagination = page.get_by_role("navigation", name="Pages of news")
    assert pagination.get_by_role("link", name="Page 1").get_attribute("aria-current") == "page"
    assert pagination.get_by_role("link", name="Page 2").is_visible()
    assert pagination.get_by_role("link", name="Next page").is_visible()
    assert pagination.get_by_role("link", name="Previous page").count() == 0


def check_news(page, site):
    assert page.locator("h1").inner_text() == "Bin strike ends"
    assert main(page).locator("time").inner_text() == "1 February 2026"
    assert main(page).get_by_text("Collections are back to normal from Monday.").is_visible()
    topic = main(page).get_by_role("link", name="Bins", exact=True)
    assert topic.get_attribute("href") == f"{site['news_index'].url}?topic=bins"


PAGES = {
    "home": (lambda site: "/", check_home),
    "a_to_z": (lambda site: "/a-to-z/", check_a_to_z),
    "category": (lambda site: site["category"].url, check_category),
    "service": (lambda site: site["service"].url, check_service),
    "disrupted_service": (lambda site: site["garden"].url, check_disrupted_service),
    "guide": (lambda site: site["guide"].url, check_guide),
    "guide_part": (lambda site: f"{site['guide'].url}what-goes-in-each-bin/", check_guide_part),
    "step_by_step": (lambda site: site["step_by_step"].url, check_step_by_step),
    "location": (lambda site: site["location"].url, check_location),
    "news_index": (lambda site: site["news_index"].url, check_news_index),
    "news": (lambda site: site["news"].url, check_news),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_shows_its_content_and_is_accessible_with_and_without_javascript(page, council, name):
    url_of, check = PAGES[name]
    url = url_of(council)

    response = page.goto(url)
    assert response.status == 200
    assert "govuk-frontend-supported" in page.get_attribute("body", "class")
    check(page, council)
    assert axe_violations(page) == []

    response = goto_as_without_javascript(page, url)
    assert response.status == 200
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    check(page, council)
    assert axe_violations(page) == []


def open_and_close_details(page, url):
    page.goto(url)
    details = main(page).locator("details.govuk-details")
    hidden_text = details.get_by_text("Your bin was out by 7am and was not emptied.")
    expect(hidden_text).to_be_hidden()
    summary = details.get_by_text("What counts as a missed collection")
    summary.click()
    expect(hidden_text).to_be_visible()
    assert details.evaluate("el => el.open")
    summary.click()
    expect(hidden_text).to_be_hidden()
    # From the keyboard too.
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(hidden_text).to_be_visible()


def test_details_open_when_clicked_with_javascript(page, council):
    open_and_close_details(page, council["service"].url)
    assert axe_violations(page) == []


def test_details_open_without_javascript(page_without_js, council):
    # A native <details>: the browser opens it, no script needed.
    open_and_close_details(page_without_js, council["service"].url)


@pytest.mark.parametrize("javascript", [True, False], ids=["with_js", "without_js"])
def test_a_resident_can_go_through_a_guide_and_back(request, council, javascript):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    guide_url = council["guide"].url
    page.goto(guide_url)
    hide_cookie_banner(page)
    parts = page.get_by_role("navigation", name="Guide parts")
    heading = main(page).locator("h2.govuk-heading-l")
    part_urls = [guide_url, f"{guide_url}what-goes-in-each-bin/", f"{guide_url}collection-days/"]

    for number in (2, 3):
        with page.expect_navigation():
            part_link(parts, "Next", GUIDE_PARTS[number - 1]).click()
        assert heading.inner_text() == f"{number}. {GUIDE_PARTS[number - 1]}"
        assert page.url.endswith(part_urls[number - 1])
    assert parts.get_by_role("link", name=re.compile("^Next")).count() == 0
    assert main(page).get_by_text("Bins are collected every week.").is_visible()

    for number in (2, 1):
        with page.expect_navigation():
            part_link(parts, "Previous", GUIDE_PARTS[number - 1]).click()
        assert heading.inner_text() == f"{number}. {GUIDE_PARTS[number - 1]}"
        assert page.url.endswith(part_urls[number - 1])
    assert parts.get_by_role("link", name=re.compile("^Previous")).count() == 0

    # The contents list jumps straight to a part.
    with page.expect_navigation():
        page.get_by_role("navigation", name="Contents").get_by_role(
            "link", name="Collection days"
        ).click()
    assert heading.inner_text() == "3. Collection days"


def test_news_pagination_works_without_javascript(page_without_js, council):
    page = page_without_js
    page.goto(council["news_index"].url)
    hide_cookie_banner(page)
    pagination = page.get_by_role("navigation", name="Pages of news")
    stories = main(page).locator("ul.govuk-list--spaced > li h2")

    with page.expect_navigation():
        pagination.get_by_role("link", name="Next page").click()
    assert page.url.endswith("/news/?page=2")
    # The two oldest stories, and no way further on.
    assert texts(stories) == ["Council meeting 2", "Council meeting 1"]
    assert pagination.get_by_role("link", name="Page 2").get_attribute("aria-current") == "page"
    assert pagination.get_by_role("link", name="Next page").count() == 0

    with page.expect_navigation():
        pagination.get_by_role("link", name="Previous page").click()
    assert stories.count() == 10
    assert texts(stories.first) == ["Bin strike ends"]


def test_a_news_topic_lists_only_its_news(page_without_js, council):
    page = page_without_js
    page.goto(council["news"].url)
    with page.expect_navigation():
        main(page).get_by_role("link", name="Bins", exact=True).click()
    assert texts(main(page).locator("ul.govuk-list--spaced > li h2")) == ["Bin strike ends"]
    assert main(page).get_by_text("Showing news about ‘bins’.").is_visible()
    assert page.get_by_role("navigation", name="Pages of news").count() == 0
    with page.expect_navigation():
        main(page).get_by_role("link", name="Show all news").click()
    assert main(page).locator("ul.govuk-list--spaced > li h2").count() == 10


def test_step_by_step_tasks_lead_to_the_service_and_back(page, council):
    page.goto(council["step_by_step"].url)
    with page.expect_navigation():
        main(page).get_by_role("link", name="Report a missed bin collection").click()
    assert page.locator("h1").inner_text() == "Report a missed bin collection"
    with page.expect_navigation():
        main(page).locator(".townhall-part-of").get_by_role("link", name="Moving home").click()
    assert page.locator("h1").inner_text() == "Moving home"


def test_a_location_closed_today_says_so_and_when_it_opens(page, council):
    DatedHours.objects.filter(page=council["location"], date=timezone.localdate()).update(
        opens=None, closes=None, note="staff training"
    )
    page.goto(council["location"].url)
    # Tomorrow is closed too, so it opens at 9am on a later day.
    status = page.locator("#open-status").inner_text()
    assert re.fullmatch(r"Closed today for staff training – opens at 9am on \w+", status), status
    rows = main(page).get_by_role("table", name="Opening times for the next 7 days")
    assert texts(rows.locator("tbody tr").first.locator("td")) == ["Closed staff training"]
    assert axe_violations(page) == []


def test_a_to_z_letter_link_jumps_to_its_services(page, council):
    page.goto("/a-to-z/")
    page.get_by_role("navigation", name="Letters").get_by_role("link", name="R", exact=True).click()
    assert page.url.endswith("/a-to-z/#letter-R")
    expect(page.locator("#letter-R")).to_be_in_viewport()
    with page.expect_navigation():
        page.locator("#letter-R + ul").get_by_role("link", name="Recycling guide").click()
    assert page.locator("h1").inner_text() == "Recycling guide"


def test_a_disrupted_service_banner_says_what_the_status_is(page, council):
    page.goto(council["garden"].url)
    # Screen readers announce the region by its title, which must say the service is disrupted.
    banner = main(page).locator(".govuk-notification-banner")
    assert banner.locator("h2").inner_text() == "Service disrupted"
    assert page.get_by_role("region", name="Service disrupted").is_visible()
