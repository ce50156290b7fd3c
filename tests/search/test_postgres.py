"""What search needs from PostgreSQL to stay fast with a large council's pages (run with a
PostgreSQL DATABASE_URL; skipped on SQLite, whose search works differently)."""

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

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
