"""PostgreSQL restarts in the middle of a burst of submissions.

Every submission is then either whole (the submission, its case and the message to the resident)
or not there at all; a resident whose request failed sees the GOV.UK "Sorry, there is a problem
with the service" page, never a traceback; and the same app processes go on serving once
PostgreSQL is back, with no restart, including the first request each makes afterwards (their
persistent connections, DATABASE_CONN_MAX_AGE as `make stack` sets it, died with the server).

It restarts a PostgreSQL server of its own (own_postgres.py), holding a copy of the test
database, so it runs where the suite runs on PostgreSQL: `make test-scale`.
"""

import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection

import pytest

from . import own_postgres
from .residents import Resident, reference_on, send_fields
from .servers import gunicorn

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="copies the suite's PostgreSQL test database: runs in make test-scale",
    ),
    pytest.mark.skipif(own_postgres.bindir() is None, reason="needs PostgreSQL's server binaries"),
]

RESIDENTS = 10
# The residents send one after another this far apart, and PostgreSQL restarts after this long:
# the burst starts before the restart and ends after it.
SEND_EVERY = 0.15
RESTART_AFTER = 0.4
LATER_RESIDENTS = 2
ERROR_HEADING = "Sorry, there is a problem with the service"


@pytest.fixture(scope="session")
def postgres_to_restart():
    """This test's own PostgreSQL server, stopped afterwards if this test started it."""
    was_running = own_postgres.is_running()
    own_postgres.start()
    yield own_postgres
    if not was_running:
        own_postgres.stop()


@pytest.fixture
def copied_database(postgres_to_restart, missed_bin):
    name = f"townhall_restart_{connection.settings_dict['NAME']}"
    url = postgres_to_restart.copy_database(connection.settings_dict, name)
    yield name, url
    postgres_to_restart.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _whole_or_absent(database):
    """Rows that would show a half-written submission (each query counts them)."""
    checks = {
        "submission without its case": (
            "SELECT count(*) FROM journeys_submission s "
            "LEFT JOIN cases_case c ON c.submission_id = s.id WHERE c.id IS NULL"
        ),
        "case without its message to the resident": (
            "SELECT count(*) FROM cases_case c WHERE NOT EXISTS "
            "(SELECT 1 FROM notifications_notification n WHERE n.case_id = c.id)"
        ),
    }
    return {
        what: int(own_postgres.psql(sql, database))
        for what, sql in checks.items()
        if own_postgres.psql(sql, database) != "0"
    }


def _references(database):
    rows = own_postgres.psql(
        "SELECT c.resident_email, s.reference FROM journeys_submission s "
        "JOIN cases_case c ON c.submission_id = s.id",
        database,
    )
    found = {}
    for row in filter(None, rows.splitlines()):
        email, reference = row.split("|")
        found.setdefault(email, []).append(reference)
    return found


def _send(resident, form_url, fields, delay):
    time.sleep(delay)
    try:
        return resident.request("POST", f"{form_url}check-your-answers/", fields)
    except Exception as error:  # noqa: BLE001 - reported by the assertions
        return error


def _is_error_page(response):
    return (
        response.status_code in (500, 503)
        and f'<h1 class="govuk-heading-l">{ERROR_HEADING}</h1>' in response.text
        and "Traceback" not in response.text
    )


def _walk_and_send(resident, form_url):
    check = resident.answer_every_question(form_url)
    return resident.request("POST", f"{form_url}check-your-answers/", send_fields(check))


def test_postgres_restarting_mid_burst_loses_no_half_case(copied_database, missed_bin, tmp_path):
    database, url = copied_database
    env = {"DATABASE_CONN_MAX_AGE": "60", "TRUSTED_PROXY_COUNT": "1"}
    with gunicorn(url, tmp_path / "app.log", workers=2, env=env) as server:
        form_url = f"{server.url}{missed_bin.url}"
        residents = [
            Resident(f"Resident {n}", f"resident{n}@example.com", f"203.0.113.{n}")
            for n in range(RESIDENTS)
        ]
        with ThreadPoolExecutor(max_workers=4) as pool:
            checks = list(pool.map(lambda r: r.answer_every_question(form_url), residents))

        with ThreadPoolExecutor(max_workers=RESIDENTS + 1) as pool:
            sending = [
                pool.submit(_send, resident, form_url, send_fields(check), n * SEND_EVERY)
                for n, (resident, check) in enumerate(zip(residents, checks, strict=True))
            ]
            time.sleep(RESTART_AFTER)
            own_postgres.restart()
            answers = [future.result() for future in sending]

        # During the burst: each resident was told their reference or shown the error page.
        told = {}
        for resident, answer in zip(residents, answers, strict=True):
            assert not isinstance(answer, Exception), answer
            if answer.status_code == 200 and reference_on(answer):
                told[resident.email] = reference_on(answer)
            else:
                assert _is_error_page(answer), (answer.status_code, answer.text[:500])
        caught = RESIDENTS - len(told)
        print(f"{caught} of {RESIDENTS} residents were sending while PostgreSQL restarted")  # noqa: T201
        assert caught, "the burst did not straddle the restart: nothing was tested"
        assert _whole_or_absent(database) == {}
        saved = _references(database)
        for email, reference in told.items():
            assert saved[email] == [reference]

        # PostgreSQL is back: those who saw the error page send again, from the same page.
        for resident, check in zip(residents, checks, strict=True):
            if resident.email not in told:
                again = _send(resident, form_url, send_fields(check), 0)
                assert again.status_code == 200, (again.status_code, server.errors())
                told[resident.email] = reference_on(again)
        assert len(told) == RESIDENTS

        # And again, restarted while the app processes sit idle on their old connections: the
        # first requests they serve afterwards must work too.
        own_postgres.restart()
        later = [
            Resident(f"Later {n}", f"later{n}@example.com", f"198.51.100.{n}")
            for n in range(LATER_RESIDENTS)
        ]
        for resident in later:
            sent = _walk_and_send(resident, form_url)
            assert sent.status_code == 200, (sent.status_code, server.errors())
            told[resident.email] = reference_on(sent)
        booted = server.workers_booted()

    assert _whole_or_absent(database) == {}
    assert _references(database) == {email: [reference] for email, reference in told.items()}
    # The same two worker processes throughout: recovered, not restarted.
    assert len(booted) == 2
