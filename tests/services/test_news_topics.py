"""The news topic filter names the topic as editors wrote it, in the listing's language."""

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish_translation

pytestmark = pytest.mark.django_db


def _filter_text(response):
    main = BeautifulSoup(response.content.decode(), "html.parser").find("main")
    return " ".join(main.find("p", class_="govuk-body").get_text(" ").split())


def test_the_topic_filter_shows_the_topics_name_not_its_slug(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    story = NewsPageFactory(parent=news_index, title="Bin strike ends")
    story.topics.add("Bin collections")
    story.save_revision().publish()

    response = client.get(news_index.url, {"topic": "bin-collections"})

    assert "Bin strike ends" in response.content.decode()
    assert _filter_text(response).startswith("Showing news about ‘Bin collections’.")


def test_the_welsh_topic_filter_shows_the_welsh_topic(client, home_page):
    welsh = Locale.objects.create(language_code="cy")
    publish_translation(home_page, welsh)
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    welsh_index = publish_translation(news_index, welsh, slug="newyddion")
    story = NewsPageFactory(parent=news_index, title="Bin strike ends")
    stori = publish_translation(story, welsh, slug="streic", title="Streic biniau ar ben")
    stori.topics.add("Casglu biniau")
    stori.save_revision().publish()

    response = client.get(welsh_index.url, {"topic": "casglu-biniau"})

    assert "Streic biniau ar ben" in response.content.decode()
    assert _filter_text(response).startswith("Yn dangos newyddion am ‘Casglu biniau’.")
