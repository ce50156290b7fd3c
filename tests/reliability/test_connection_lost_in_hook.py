"""The database connection dies inside a savepoint that swallows errors, while a form is sent.

Notifications and webhooks queue their rows in savepoints that log an error rather than lose
the resident's case. If the connection itself dies there, the savepoint cannot roll back and the
whole transaction is lost; Django then rolls it back without a word when the block ends. The
resident must not be sent to a confirmation of a form that was never saved: they get the error
page, their answers are still in their session, and sending again works.

A real lost connection needs PostgreSQL (a backend ended with pg_terminate_backend): it runs in
`make test-scale`.
"""

import logging

from django.conf import settings
from django.db import connection, transaction
from django.test import Client

import pytest

from forms_app.cases.models import Case
from forms_app.cases.signals import case_created
from forms_app.journeys.models import Submission

from .walk import answer_every_question, send_fields, soup

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="ending a connection from the server needs PostgreSQL: runs in make test-scale",
    ),
]

logger = logging.getLogger(__name__)


@pytest.fixture
def connection_dies_in_a_savepoint():
    """A listener to new cases that, once, loses the database connection in a savepoint and
    carries on, as the outbox's listeners do with any error."""
    times = []

    def lose_the_connection(sender, case, **kwargs):
        if times:
            return
        times.append(case.reference)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        except Exception:
            logger.exception("Could not write a row for case %s", case.reference)

    case_created.connect(lose_the_connection, dispatch_uid="reliability-lose-connection")
    yield times
    case_created.disconnect(dispatch_uid="reliability-lose-connection")


def test_a_lost_connection_in_a_hook_is_an_error_not_a_false_confirmation(
    missed_bin, connection_dies_in_a_savepoint
):
    resident = Client(raise_request_exception=False)
    fields = send_fields(answer_every_question(resident, missed_bin))

    failed = resident.post(f"{missed_bin.url}check-your-answers/", fields)

    assert connection_dies_in_a_savepoint, "the listener did not run"
    assert failed.status_code == 500, (failed.status_code, failed.get("Location"))
    assert "Sorry, there is a problem with the service" in failed.content.decode()
    assert Submission.objects.count() == Case.objects.count() == 0

    # The answers are still there: the same page sends them again.
    sent = resident.post(f"{missed_bin.url}check-your-answers/", fields)
    assert sent.status_code == 302 and sent["Location"] == f"{missed_bin.url}confirmation/"
    confirmation = resident.get(sent["Location"])
    reference = soup(confirmation).select_one(".govuk-panel__body strong").get_text()
    assert Submission.objects.get().reference == reference.replace(" ", "")
    assert Case.objects.count() == 1
