"""Sessions in the database (`SESSION_ENGINE = "townhall.sessions.db"`): see __init__.py."""

from django.contrib.sessions.backends import db

from . import ReportsUnreachableDatabase


class SessionStore(ReportsUnreachableDatabase, db.SessionStore):
    pass
