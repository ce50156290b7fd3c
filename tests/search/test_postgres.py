"""What search needs from PostgreSQL to stay fast with a large council's pages (run with a
PostgreSQL DATABASE_URL; skipped on SQLite, whose search works differently)."""

from django.db import connection
from django.db.models.signals import post_init

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest
from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

from search.ranking import backend_query, parse
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's full-text search only"
    ),
]


def test_searches_name_the_servers_own_text_search_configuration():
    # Named, to_tsquery() is worked out once a search instead of for every row ranked; the
    # server's default is the one pages were always indexed with.
    with connection.cursor() as cursor:
        cursor.execute("SHOW default_text_search_config")
        default = cursor.fetchone()[0]
    assert get_search_backend().config == default


def test_the_words_of_a_whole_page_are_indexed_together():
    # Wagtail's backend matches (title || body); only an index on exactly that spares a search
    # reading every page.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_indexentry_title_body_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition
    assert "(title || body)" in definition


def test_a_search_makes_a_page_only_of_the_results_it_shows(client, home_page):
    # Ranking reads 200 candidates here (up to 300): as narrow rows, not as Page objects, which
    # took longer to make than the search took to find them.
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    for number in range(200):
        NewsPageFactory(parent=news_index, title=f"Allotment plot {number} is free again")
    client.get("/search/", {"q": "warm up"})
    made = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            made.append(instance)

    post_init.connect(count)
    try:
        html = client.get("/search/", {"q": "allotment"}).content.decode()
    finally:
        post_init.disconnect(count)
    assert "200 results for ‘allotment’" in html
    assert html.count('class="townhall-search-result"') == 10
    # The ten shown, their parent (News) and the home page every page's header links to.
    assert len(made) <= 12


def test_words_ranked_together_keep_wagtails_order(home_page):
    # One ts_rank() for all the words of an English search instead of one a word: the same
    # scores, so the same candidates in the same order.
    category = ServiceIndexPageFactory(parent=home_page, title="Libraries", summary="Books.")
    titles = [
        "Library opening hours",
        "Opening hours of the recycling centre",
        "Join the library",
        "Library events: opening night",
        "Hours of the leisure centre",
    ]
    for title in titles:
        ServicePageFactory(parent=category, title=title, summary=f"About {title.lower()}.")
    query = backend_query(parse("library opening hours", "en"))
    ours = get_search_backend()
    wagtails = get_search_backend()
    wagtails.query_compiler_class = PostgresSearchQueryCompiler
    assert ours.query_compiler_class is not PostgresSearchQueryCompiler

    def ranked(backend):
        found = backend.search(query, Page.objects.live()).annotate_score("_score")
        return [(page.title, round(page._score, 5)) for page in found]

    assert ranked(ours) == ranked(wagtails)
    assert len(ranked(ours)) == 6  # and the Libraries category
