"""Cases to notify about, and a stand-in GOV.UK Notify reached over real HTTP on 127.0.0.1."""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from forms_app.cases.models import RoutingRule
from forms_app.cases.routing import open_case
from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage
from tests.factories.casework import SubmissionFactory, missed_bin_answers
from tests.forms_app.cases import conftest as cases

# The casework tests' groups, queues and officers, shared rather than copied.
waste_group = cases.waste_group
housing_group = cases.housing_group
waste_queue = cases.waste_queue
housing_queue = cases.housing_queue
waste_officer = cases.waste_officer
housing_officer = cases.housing_officer

NOTIFY_SERVICE_ID = str(uuid.uuid4())
NOTIFY_SECRET = str(uuid.uuid4())
NOTIFY_EMAIL_TEMPLATE = str(uuid.uuid4())
NOTIFY_SMS_TEMPLATE = str(uuid.uuid4())


@pytest.fixture
def journey(service_page):
    page = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=MISSED_BIN,
        what_happens_next=(
            "<p>We will collect your bin within <b>2 working days</b>.</p>"
            '<ul><li>Leave it out</li><li>See <a href="/bin-days/">bin days</a></li>'
            '<li><a href="https://example.com/a?b=1&amp;c=2">Recycling</a></li></ul>'
        ),
    )
    service_page.add_child(instance=page)
    return page


@pytest.fixture
def submit(journey, waste_queue, django_capture_on_commit_callbacks):
    """Submit the missed-bin form as a resident would: the case commits, then messages go."""
    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    counter = iter(range(1000))

    def submit(email="sam@example.com", phone="", language="en", execute=True):
        n = next(counter)
        submission = SubmissionFactory(
            reference=f"HT7K9Q{n:02d}",
            journey=journey,
            answers=missed_bin_answers(email=email, phone=phone),
            language=language,
        )
        if execute is None:  # the caller handles the transaction
            return open_case(submission)
        with django_capture_on_commit_callbacks(execute=execute):
            return open_case(submission)

    return submit


class FakeNotify:
    """Answers like GOV.UK Notify: each request takes the next scripted status (then 201s)."""

    def __init__(self):
        self.statuses = []
        self.requests = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(
                    {"path": self.path, "json": body, "auth": self.headers["Authorization"]}
                )
                status = fake.statuses.pop(0) if fake.statuses else 201
                if status == 201:
                    answer = {"id": f"notify-{len(fake.requests)}", "reference": body["reference"]}
                else:
                    answer = {
                        "status_code": status,
                        "errors": [{"error": "Exception", "message": "Internal server error"}],
                    }
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format, *args):
                pass

        return Handler


@pytest.fixture
def notify(settings):
    """NOTIFY_API_KEY set and pointing at a FakeNotify; yields it for scripting and inspection."""
    fake = FakeNotify()
    thread = threading.Thread(target=fake.server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    settings.NOTIFY_API_KEY = f"townhall_test-{NOTIFY_SERVICE_ID}-{NOTIFY_SECRET}"
    settings.NOTIFY_BASE_URL = fake.url
    settings.NOTIFY_EMAIL_TEMPLATE_ID = NOTIFY_EMAIL_TEMPLATE
    settings.NOTIFY_SMS_TEMPLATE_ID = NOTIFY_SMS_TEMPLATE
    yield fake
    fake.server.shutdown()
    fake.server.server_close()
    thread.join()
