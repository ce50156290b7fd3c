"""The database connection dies in the middle of a request.

Inside a savepoint that swallows errors, while a form is sent:

Notifications and webhooks queue their rows in savepoints that log an error rather than lose
the resident's case. If the connection itself dies there, the savepoint cannot roll back and the
whole transaction is lost; Django then rolls it back without a word when the block ends. The
resident must not be sent to a confirmation of a form that was never saved: they get the error
page, their answers are still in their session, and sending again works.

After the view, while the session is saved: Django takes any database error there for a session
deleted by another request and answers with its bare "Bad Request (400)". The database being down
is the service's problem, and the resident gets the service's error page.

A real lost connection needs PostgreSQL (a backend ended with pg_terminate_backend): it runs in
`make test-scale`.
"""

import contextlib
import logging

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

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


def _remember(request):
    request.session["visits"] = request.session.get("visits", 0) + 1
    return HttpResponse("ok")


def _remember_and_lose_the_connection(request):
    """The view's work is done; the database goes away before the session is saved."""
    request.session["visits"] = request.session.get("visits", 0) + 1
    with contextlib.suppress(OperationalError), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    return HttpResponse("ok")


urlpatterns = [
    path("remember/", _remember),
    path("remember-and-lose-the-connection/", _remember_and_lose_the_connection),
]


@pytest.fixture
def dead_connection_closed():
    """The test client keeps Django's connection across requests (app servers check it at each
    request's start): close the dead one, so the test database can be emptied afterwards."""
    yield
    connection.close()


@override_settings(ROOT_URLCONF=__name__)
def test_a_session_that_cannot_be_saved_shows_the_error_page(dead_connection_closed):
    resident = Client(raise_request_exception=False)
    assert resident.get("/remember/").status_code == 200  # the session now has a row

    response = resident.get("/remember-and-lose-the-connection/")

    assert response.status_code == 500, response.status_code
    assert "Sorry, there is a problem with the service" in response.content.decode()
