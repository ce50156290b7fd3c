"""Sessions in the database, read through the cache (`SESSION_ENGINE =
"townhall.sessions.cached_db"`, with Redis): see __init__.py."""

from django.contrib.sessions.backends import cached_db

from . import ReportsUnreachableDatabase


class SessionStore(ReportsUnreachableDatabase, cached_db.SessionStore):
    pass
