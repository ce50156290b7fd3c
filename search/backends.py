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

from django.db import connection

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

from modelsearch.backends.database.postgres.postgres import PostgresSearchResults


@functools.cache
def default_text_search_config():
    with connection.cursor() as cursor:
        cursor.execute("SHOW default_text_search_config")
        return cursor.fetchone()[0]


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
    return backend
