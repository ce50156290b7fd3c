"""Every page type renders in at most 10 SQL queries, however many children or news items it has.

Counted on a warm site, as residents meet it: the first request builds the cached site chrome
(navigation, footer, council details) and later ones reuse it until an editor changes something.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from services.models import DatedHours, OpeningHours
from tests.factories import (
    GuidePageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    StepByStepPageFactory,
)
from townhall.pagecache import forget_every_page

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def _queries(client, url):
    client.get(url)  # warm the site chrome
    forget_every_page()  # count a page being rendered, not the app's kept copy of it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _grow_category(category, count):
    existing = category.get_children().count()
    for number in range(existing, count):
        ServicePageFactory(parent=category, title=f"Service {number:03d}")
        if number % 10 == 0:
            GuidePageFactory(parent=category, title=f"Guide {number:03d}")


def _grow_news(news_index, count):
    for number in range(news_index.get_children().count(), count):
        NewsPageFactory(parent=news_index, title=f"Story {number:03d}")


@pytest.fixture
def site(client, service_page):
    """A category full of services, a news index, a guide, a step by step and a location."""
    category = service_page.get_parent().specific
    home = category.get_parent().specific
    news_index = NewsIndexPageFactory(parent=home, slug="news", show_in_menus=True)
    task = {"page": service_page, "title": "", "url": ""}
    guide = GuidePageFactory(parent=category, title="Recycling guide")
    step_by_step = StepByStepPageFactory(
        parent=category,
        title="Moving home",
        steps=[
            ("step", {"title": "One", "logic": "", "description": "", "tasks": [task]}),
            ("step", {"title": "Two", "logic": "", "description": "", "tasks": [task]}),
        ],
    )
    location = LocationPageFactory(parent=category, title="Civic Centre")
    for weekday in range(5):
        OpeningHours.objects.create(
            page=location, weekday=weekday, opens=datetime.time(9), closes=datetime.time(17)
        )
    DatedHours.objects.create(page=location, date=datetime.date(2026, 12, 24), note="Closed")
    location.services_offered.add(service_page)
    location.save()
    service_page.related_links = [("link", task)]
    service_page.start_page = guide
    service_page.save_revision().publish()
    home.top_tasks = [("task", task)]
    home.save_revision().publish()
    return {
        "home": home,
        "category": category,
        "service": service_page,
        "guide": guide,
        "step_by_step": step_by_step,
        "location": location,
        "news_index": news_index,
    }


@pytest.mark.parametrize(
    "name", ["home", "category", "service", "guide", "step_by_step", "location", "news_index"]
)
def test_page_type_renders_in_at_most_ten_queries(client, site, name):
    assert _queries(client, site[name].url) <= MAX_QUERIES


def test_guide_parts_and_a_to_z_render_in_at_most_ten_queries(client, site):
    assert _queries(client, f"{site['guide'].url}eligibility/") <= MAX_QUERIES
    assert _queries(client, "/a-to-z/") <= MAX_QUERIES


def test_news_page_renders_in_at_most_ten_queries(client, site):
    news = NewsPageFactory(parent=site["news_index"], title="Bin strike ends")
    news.topics.add("Bins", "Strikes")
    news.save()
    assert _queries(client, news.url) <= MAX_QUERIES


@pytest.mark.parametrize("url_of", ["category", "home", "a_to_z"])
def test_listing_query_count_does_not_grow_with_children(client, site, url_of):
    urls = {"category": site["category"].url, "home": "/", "a_to_z": "/a-to-z/"}
    _grow_category(site["category"], 10)
    with_ten = _queries(client, urls[url_of])
    _grow_category(site["category"], 100)
    assert _queries(client, urls[url_of]) == with_ten


def test_news_query_count_does_not_grow_with_items(client, site):
    news_index = site["news_index"]
    _grow_news(news_index, 10)
    with_ten = _queries(client, news_index.url)
    feed_with_ten = _queries(client, f"{news_index.url}feed/")
    _grow_news(news_index, 100)
    assert _queries(client, news_index.url) == with_ten
    assert _queries(client, f"{news_index.url}feed/") == feed_with_ten
    assert _queries(client, "/") <= MAX_QUERIES
