"""A resident's final "Send form" arrives many times at once, at two app processes, and again
later (a double click, a browser retrying, a replayed request): one submission, one case, one
message to the resident; every answer a redirect to the confirmation, which shows that reference.

The two servers (two worker processes each, one request at a time per process, as `make stack`
runs gunicorn) share the database and its sessions, as app servers behind a load balancer do.
It runs on the suite's database: PostgreSQL in `make test-scale`, SQLite in `make test`.
"""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from forms_app.cases.models import Case
from forms_app.journeys.models import Submission
from forms_app.notifications.models import Notification

from .residents import Resident, reference_on, send_fields
from .servers import database_for_servers, gunicorn

pytestmark = pytest.mark.django_db(transaction=True)

AT_ONCE_PER_SERVER = 6
REPLAYS_PER_SERVER = 2


def _post_at_once(resident, urls, fields):
    """POST `fields` to every url in `urls` at the same moment, each from its own connection
    carrying the resident's cookies; returns the responses (redirects not followed)."""
    ready = threading.Barrier(len(urls), timeout=30)

    def post(url):
        twin = Resident(resident.name, resident.email)
        twin.session.cookies.update(resident.session.cookies)
        ready.wait()
        return twin.request("POST", url, fields, allow_redirects=False)

    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(post, urls))


def test_the_same_send_many_times_at_two_servers_makes_one_case(missed_bin, tmp_path):
    with (
        database_for_servers(tmp_path) as database_url,
        gunicorn(database_url, tmp_path / "a.log", workers=2) as server_a,
        gunicorn(database_url, tmp_path / "b.log", workers=2) as server_b,
    ):
        servers = (server_a, server_b)
        resident = Resident("Sam Jones", "sam@example.com")
        check = resident.answer_every_question(f"{server_a.url}{missed_bin.url}")
        fields = send_fields(check)
        send_path = f"{missed_bin.url}check-your-answers/"

        at_once = _post_at_once(
            resident, [f"{s.url}{send_path}" for s in servers] * AT_ONCE_PER_SERVER, fields
        )
        # Replayed afterwards, one after another, at either server.
        replays = [
            resident.request("POST", f"{s.url}{send_path}", fields, allow_redirects=False)
            for s in servers * REPLAYS_PER_SERVER
        ]
        shown = {
            reference_on(resident.request("GET", f"{s.url}{missed_bin.url}confirmation/"))
            for s in servers
        }
        server_errors = [line for s in servers for line in s.errors()]

    answers = Counter((r.status_code, r.headers.get("Location")) for r in at_once + replays)
    assert answers == {(302, f"{missed_bin.url}confirmation/"): len(at_once) + len(replays)}, (
        answers,
        server_errors,
    )
    assert Submission.objects.count() == 1
    submission = Submission.objects.get()
    assert shown == {submission.reference}
    case = Case.objects.get()
    assert case.submission == submission
    assert case.resident_email == "sam@example.com"
    assert Notification.objects.filter(case=case).count() == 1
