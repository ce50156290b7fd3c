"""Editors can only build a sensible tree: each page type goes only where it belongs."""

from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import HomePage
from services.models import LocationPage, NewsIndexPage, NewsPage, ServiceIndexPage, ServicePage


class TestPageTree(WagtailPageTestCase):
    def test_home_page_holds_categories_and_news(self):
        self.assertCanCreateAt(HomePage, ServiceIndexPage)
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertCanNotCreateAt(HomePage, NewsPage)

    def test_services_and_locations_live_in_a_category(self):
        self.assertCanCreateAt(ServiceIndexPage, ServicePage)
        self.assertCanCreateAt(ServiceIndexPage, LocationPage)
        self.assertCanNotCreateAt(ServicePage, ServicePage)
        self.assertCanNotCreateAt(NewsIndexPage, ServicePage)

    def test_news_lives_in_the_news_index(self):
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(ServiceIndexPage, NewsPage)


@pytest.mark.django_db
def test_each_page_type_renders(client, service_page):
    from tests.factories import LocationPageFactory, NewsIndexPageFactory, NewsPageFactory

    home = service_page.get_parent().get_parent()
    news_index = NewsIndexPageFactory(parent=home, slug="news")
    news = NewsPageFactory(parent=news_index, title="Bin day changes", summary="New days.")
    location = LocationPageFactory(
        parent=service_page.get_parent(), title="Civic Centre", postcode="GR1 2CC"
    )
    for page, text in [
        (service_page.get_parent(), "Report a missed bin collection"),
        (service_page, "Before you start"),
        (news_index, "Bin day changes"),
        (news, "New days."),
        (location, "openstreetmap.org/search?query=GR1+2CC"),
    ]:
        response = client.get(page.url)
        assert response.status_code == 200, page
        assert text in response.content.decode()
