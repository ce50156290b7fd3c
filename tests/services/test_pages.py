"""What residents see on each kind of information page."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Page

import pytest

from services.models import DatedHours, LocationPage, OpeningHours
from tests.factories import (
    GuidePageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    StepByStepPageFactory,
)

pytestmark = pytest.mark.django_db


def test_every_demo_page_renders(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2026")
    call_command("seed_demo", stdout=io.StringIO())
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) > 50
    for page in pages:
        # An online form's own address opens its first question.
        response = client.get(page.url, follow=True)
        assert response.status_code == 200, page.url
        assert escape(page.title) in response.content.decode()


def test_category_lists_its_services_and_flags_disruption(client, service_page):
    ServicePageFactory(
        parent=service_page.get_parent(),
        title="Book a bulky waste collection",
        status="suspended",
        status_message="No collections until January.",
    )
    html = client.get(service_page.get_parent().url).content.decode()
    assert "Report a missed bin collection" in html
    assert "Tell us if your bin was not emptied on your collection day." in html
    assert '<strong class="govuk-tag govuk-tag--red">Suspended</strong>' in html


def test_suspended_service_explains_and_hides_start_button(client, service_page):
    service_page.start_url = "https://forms.example.com/missed-bin"
    service_page.save()
    assert "govuk-button--start" in client.get(service_page.url).content.decode()

    service_page.status = "suspended"
    service_page.status_message = "Reporting is closed during the strike."
    service_page.save()
    html = client.get(service_page.url).content.decode()
    assert "Reporting is closed during the strike." in html
    assert "govuk-button--start" not in html


def test_service_page_shows_last_reviewed_date(client, service_page):
    service_page.last_reviewed = datetime.date(2026, 3, 4)
    service_page.review_interval = 6
    service_page.save()
    assert "Last reviewed: 4 March 2026" in client.get(service_page.url).content.decode()
    service_page.refresh_from_db()
    assert service_page.review_due == datetime.date(2026, 9, 4)


def test_guide_parts_each_have_an_address_with_previous_and_next(client, service_page):
    guide = GuidePageFactory(parent=service_page.get_parent(), title="Recycling guide")
    first = client.get(guide.url).content.decode()
    assert "1. Overview" in first
    assert f'href="{guide.url}eligibility/" rel="next"' in first

    second = client.get(f"{guide.url}eligibility/")
    assert second.status_code == 200
    html = second.content.decode()
    assert "2. Eligibility" in html
    assert f'href="{guide.url}" rel="prev"' in html
    assert client.get(f"{guide.url}no-such-part/").status_code == 404


def test_step_by_step_numbers_steps_and_links_back_from_its_tasks(client, service_page):
    task = {"page": service_page, "title": "", "url": ""}
    step_by_step = StepByStepPageFactory(
        parent=service_page.get_parent(),
        title="Moving home: step by step",
        steps=[
            ("step", {"title": "Tell us", "logic": "", "description": "", "tasks": [task]}),
            (
                "step",
                {"title": "Get a discount", "logic": "and", "description": "", "tasks": [task]},
            ),
            ("step", {"title": "Sort your bins", "logic": "", "description": "", "tasks": [task]}),
        ],
    )
    numbers = [item["number"] for item in step_by_step.numbered_steps()]
    assert numbers == [1, 1, 2]
    html = client.get(step_by_step.url).content.decode()
    assert f'href="{service_page.url}">Report a missed bin collection</a>' in html

    service_html = client.get(service_page.url).content.decode()
    assert "Part of" in service_html
    assert f'href="{step_by_step.url}">Moving home: step by step</a>' in service_html


def test_news_is_paginated_newest_first_with_an_atom_feed(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    for day in range(12):
        NewsPageFactory(
            parent=news_index,
            title=f"Story {day:02d}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=day),
        )
    first = client.get(news_index.url).content.decode()
    assert first.index("Story 11") < first.index("Story 02")
    assert "Story 01" not in first
    second = client.get(news_index.url, {"page": 2}).content.decode()
    assert "Story 01" in second and "Story 00" in second

    feed = client.get(f"{news_index.url}feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert feed.content.decode().count("<entry>") == 12


def test_news_topic_filter(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    tagged = NewsPageFactory(parent=news_index, title="Bin strike ends")
    tagged.topics.add("Bins")
    tagged.save()
    NewsPageFactory(parent=news_index, title="Library reopens")
    html = client.get(news_index.url, {"topic": "bins"}).content.decode()
    assert "Bin strike ends" in html
    assert "Library reopens" not in html


def test_a_to_z_groups_services_by_letter(client, service_page):
    ServicePageFactory(parent=service_page.get_parent(), title="Apply for a Blue Badge")
    html = client.get("/a-to-z/").content.decode()
    assert '<h2 class="govuk-heading-l" id="letter-A">A</h2>' in html
    assert '<h2 class="govuk-heading-l" id="letter-R">R</h2>' in html
    assert html.index("Apply for a Blue Badge") < html.index("Report a missed bin collection")


def _location_with_hours(service_page):
    location = LocationPageFactory(parent=service_page.get_parent(), title="Civic Centre")
    for weekday in range(5):
        OpeningHours.objects.create(
            page=location, weekday=weekday, opens=datetime.time(9), closes=datetime.time(17)
        )
    return LocationPage.objects.get(pk=location.pk)


def test_location_shows_whether_it_is_open_now(client, service_page):
    location = _location_with_hours(service_page)
    status = location.opening_status()
    local_now = timezone.localtime()
    expected_open = local_now.weekday() < 5 and 9 <= local_now.hour < 17
    assert status.is_open == expected_open
    html = client.get(location.url).content.decode()
    assert status.text in html
    assert "Opening times for the next 7 days" in html


def test_location_dated_change_shows_in_the_week_ahead(client, service_page):
    location = _location_with_hours(service_page)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    DatedHours.objects.create(page=location, date=tomorrow, note="Staff training")
    week = LocationPage.objects.get(pk=location.pk).week_ahead()
    assert week[1]["date"] == tomorrow
    assert week[1]["text"] == "Closed"
    assert week[1]["note"] == "Staff training"


def test_pages_carry_description_canonical_and_open_graph_tags(client, service_page):
    html = client.get(service_page.url).content.decode()
    summary = "Tell us if your bin was not emptied on your collection day."
    assert f'<meta name="description" content="{summary}">' in html
    assert f'<link rel="canonical" href="http://testserver{service_page.url}">' in html
    assert '<meta property="og:title" content="Report a missed bin collection">' in html
    assert '<meta property="og:type" content="website">' in html
