"""Wagtail's database search backend, with PostgreSQL's text search configuration named.

Without `SEARCH_CONFIG` django-modelsearch asks PostgreSQL for `to_tsquery('bins')`, which depends
on the server's `default_text_search_config` and so is worked out again for every row a search
ranks (four times a row: title and body, for each word). Named, `to_tsquery('english', 'bins')` is
worked out once a search: a search at 10,000 pages took a third of the time. This backend names
the server's own default, read once a process, so pages are indexed and found exactly as before
(README: "What each backend does with Welsh"). A `SEARCH_CONFIG` in the settings is used as it is.

On PostgreSQL its results can also be read as narrow rows (`SearchResults.rows`): ranking reads
300 candidates a search, and making a Page of each took longer than finding them.
SQLite and other databases get Wagtail's backend unchanged.
"""

import functools
import re

from django.db import connection

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Or, PlainText


@functools.cache
def default_text_search_config():
    with connection.cursor() as cursor:
        cursor.execute("SHOW default_text_search_config")
        return cursor.fetchone()[0]


def _terms(query_string):
    """The words of a query as Wagtail's backend splits them (on spaces and hyphens)."""
    return [term for term in re.split(r"[\s\-]+", query_string) if term]


class SearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """Words any of which may match, each with as many spellings (an English search: each
        word and its plural), are ranked together: one ts_rank() a field instead of one a word,
        which ranked every page that matched as many times over as there were words. ts_rank()
        of 'a | a2 | b | b2' is the mean of the ranks of 'a | a2' and 'b | b2', so the order is
        the same. Words with different numbers of spellings (Welsh mutations) are ranked one by
        one, as Wagtail does, so that a word with many spellings does not count for more."""
        if (
            isinstance(query, Or)
            and all(
                isinstance(part, PlainText) and part.operator == "or" for part in query.subqueries
            )
            and len({len(_terms(part.query_string)) for part in query.subqueries}) == 1
        ):
            query = PlainText(
                " ".join(part.query_string for part in query.subqueries), operator="or"
            )
        return super().build_tsrank(vector, query, config=config, boost=boost)


class SearchResults(PostgresSearchResults):
    def rows(self, *fields):
        """The pages found, best first, as tuples of `fields`: no model instance is made, and the
        text-search vector the pages were matched on is not sent back."""
        return list(self.get_queryset().values_list(*fields))


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "postgresql" and backend.config is None:
        backend.config = default_text_search_config()
    if connection.vendor == "postgresql":
        backend.results_class = SearchResults
        backend.query_compiler_class = SearchQueryCompiler
    return backend
