"""Django's database sessions (SESSION_ENGINE `townhall.sessions.db` or `.cached_db`), which tell
a database that cannot be reached from a session that has gone.

Django reads any database error while updating a session as "the session was deleted by a
concurrent request" and answers 400 Bad Request, Django's bare page. When the database itself is
down or restarting, that is our failure, not the resident's: they get the error page with its
"Try again later" (500), as for any other request the database could not serve.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.db import InterfaceError, OperationalError


class ReportsUnreachableDatabase:
    def save(self, must_create=False):
        try:
            return super().save(must_create)
        except UpdateError as error:
            cause = error.__context__
            if isinstance(cause, OperationalError | InterfaceError):
                raise cause from error
            raise
