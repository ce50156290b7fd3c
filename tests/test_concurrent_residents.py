"""Twenty residents send an online form at the same moment, to a real server of several processes.

Every resident must get a reference, and every reference must be one submission and one case:
nothing lost, nothing sent twice, no server error. It runs on the database the suite runs on:
SQLite in `make test` (the embedded default, which `make run` and any install without
DATABASE_URL use) and PostgreSQL in `make test-scale`.

The server is gunicorn with several worker processes, as in production, on the test settings
(DEBUG off, the same middleware) and a database this test prepares. All residents come from this
machine, so each sends the address a load balancer would have put in X-Forwarded-For, and the
server trusts one proxy, as production does: the per-address limit on sending forms stays on.
"""

import copy
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth.models import Group

import pytest

from forms_app.cases.models import Case, Queue
from forms_app.journeys import demo
from forms_app.journeys.models import Submission
from forms_app.notifications.models import Notification
from forms_app.outbox.models import OutboxStatus
from tests.baseline import restore_wagtail_baseline
from tests.factories.journeys import JourneyPageFactory
from tests.reliability.servers import (
    REQUEST_TIMEOUT,
    database_for_servers,
    gunicorn,
    http_session,
    soup,
)

pytestmark = pytest.mark.django_db(transaction=True)

RESIDENTS = 20
SERVER_PROCESSES = 3
# Every resident must reach "Check your answers" within this (seconds); requests and the server
# starting have their bounds in tests/reliability/servers.py.
READY_WITHIN = 120
ADDRESS = {
    "address_0": "12 Heol Ddu",
    "address_1": "",
    "address_2": "Glanrhyd",
    "address_3": "GR1 1AA",
}


@pytest.fixture(autouse=True)
def _wagtail_baseline(db):
    """This test commits for real (the server's processes must see its rows), and an earlier test
    that did the same may have emptied the database."""
    restore_wagtail_baseline()


@pytest.fixture
def missed_bin(service_page):
    """The demo's missed-bin form, published, and a default queue that emails each resident their
    reference, as seed_demo's does."""
    Queue.objects.create(
        name="Customer services",
        group=Group.objects.create(name="Customer services team"),
        is_default=True,
    )
    return JourneyPageFactory(
        parent=service_page,
        title="Report a missed bin collection",
        steps=copy.deepcopy(demo.MISSED_BIN),
    )


class Resident:
    """One resident in their own browser session, from their own address."""

    def __init__(self, number, form_url, all_ready):
        self.name = f"Resident {number:02d}"
        self.email = f"resident{number:02d}@example.com"
        self.form_url = form_url
        self.all_ready = all_ready
        self.session = http_session()
        # The address the load balancer saw (a documentation range, RFC 5737).
        self.session.headers["X-Forwarded-For"] = f"203.0.113.{number}"
        self.statuses = []
        self.reference = None
        self.failure = None

    def visit(self):
        """Answer every question, wait for everyone else, then all send at the same moment."""
        try:
            check_answers = self._answer_every_question()
        except Exception as error:  # noqa: BLE001 - every failure is recorded and asserted on
            self.failure = f"before sending: {error!r}"
        # Wait even after a failure, so the others are not left waiting for someone who never
        # comes.
        try:
            self.all_ready.wait()
        except threading.BrokenBarrierError:
            self.failure = self.failure or "gave up waiting for the others to be ready"
        if self.failure:
            return
        try:
            self.reference = self._send(check_answers)
        except Exception as error:  # noqa: BLE001
            self.failure = f"sending: {error!r}"

    def _request(self, method, url, data=None):
        response = self.session.request(method, url, data=data, timeout=REQUEST_TIMEOUT)
        self.statuses += [step.status_code for step in [*response.history, response]]
        if response.status_code != 200:
            raise AssertionError(f"{method} {url}: {response.status_code}")
        return response

    def _answer(self, page, step, expected_next, answers):
        """Post `answers` with the CSRF token from the `page` showing `step`, as a browser does."""
        csrf = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
        url = f"{self.form_url}{step}/"
        response = self._request("POST", url, {"csrfmiddlewaretoken": csrf, **answers})
        if not response.url.endswith(f"/{expected_next}/"):
            errors = [
                " ".join(li.get_text().split())
                for li in soup(response).select(".govuk-error-summary li")
            ]
            raise AssertionError(f"{step} led to {response.url}, not {expected_next}: {errors}")
        return response

    def _answer_every_question(self):
        page = self._request("GET", self.form_url)
        page = self._answer(page, "bin-type", "collection-day", {"bin": "general"})
        page = self._answer(page, "collection-day", "address", {"due_today": "no"})
        page = self._answer(page, "address", "contact-details", ADDRESS)
        contact = {"full_name": self.name, "email": self.email}
        return self._answer(page, "contact-details", "check-your-answers", contact)

    def _send(self, check_answers):
        """Send the form from "Check your answers"; returns the reference on the confirmation."""
        form = soup(check_answers).find("input", attrs={"name": "token"}).find_parent("form")
        fields = {field["name"]: field.get("value", "") for field in form.find_all("input")}
        confirmation = self._answer(check_answers, "check-your-answers", "confirmation", fields)
        panel = soup(confirmation).select_one(".govuk-panel__body strong")
        return " ".join(panel.get_text().split())


def test_twenty_residents_send_a_form_at_once(missed_bin, tmp_path):
    log_path = tmp_path / "gunicorn.log"
    started = time.monotonic()
    with (
        database_for_servers(tmp_path) as database_url,
        gunicorn(
            database_url, log_path, workers=SERVER_PROCESSES, env={"TRUSTED_PROXY_COUNT": "1"}
        ) as server,
    ):
        all_ready = threading.Barrier(RESIDENTS, timeout=READY_WITHIN)
        residents = [
            Resident(number, f"{server.url}{missed_bin.url}", all_ready)
            for number in range(1, RESIDENTS + 1)
        ]
        with ThreadPoolExecutor(max_workers=RESIDENTS) as pool:
            list(pool.map(Resident.visit, residents))
    took = time.monotonic() - started

    failures = Counter(resident.failure for resident in residents if resident.failure)
    server_errors = sum(status >= 500 for resident in residents for status in resident.statuses)
    if failures or server_errors:
        pytest.fail(
            f"{failures.total()} of {RESIDENTS} residents failed, {server_errors} server errors, "
            f"in {took:.1f}s:\n"
            + "".join(f"  {count} x {failure}\n" for failure, count in failures.items())
            + "The server logged:\n"
            + "".join(f"  {line}\n" for line in server.errors())
        )

    references = [r.reference.replace(" ", "") for r in residents]
    assert len(set(references)) == RESIDENTS
    for resident, reference in zip(residents, references, strict=True):
        # get(): exactly one of each, and it is this resident's.
        submission = Submission.objects.get(reference=reference)
        case = Case.objects.get(reference=reference)
        assert case.submission == submission
        assert (case.resident_name, case.resident_email) == (resident.name, resident.email)
    assert Submission.objects.count() == Case.objects.count() == RESIDENTS
    # Each was emailed their reference: a database error after the case was saved is swallowed
    # by the outbox (it retries), so it would show here rather than as a server error.
    notifications = Notification.objects.filter(case__reference__in=references)
    assert sorted(notifications.values_list("status", flat=True)) == [OutboxStatus.SENT] * RESIDENTS
