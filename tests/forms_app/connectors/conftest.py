import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.auth.models import Group

import pytest

from forms_app.cases.models import Queue


class Receiver:
    """A stand-in for the council's CRM: records each request and answers with `statuses`."""

    def __init__(self):
        self.requests = []
        self.statuses = []  # answered in turn; 200 once they run out
        self.url = ""

    def next_status(self):
        return self.statuses.pop(0) if self.statuses else 200


def _handler_for(receiver):
    class Handler(BaseHTTPRequestHandler):
        timeout = 5

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.requests.append(
                {"path": self.path, "headers": dict(self.headers), "body": body}
            )
            status = receiver.next_status()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps({"ok": status < 300}).encode())

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def receiver():
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(receiver))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_port}/townhall/cases"
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def closed_port():
    """An address on this machine where nothing listens: a receiver that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/townhall/cases"


@pytest.fixture
def signing_key(settings):
    settings.WEBHOOK_SIGNING_KEY = "test-signing-key-0123456789"
    return settings.WEBHOOK_SIGNING_KEY


@pytest.fixture
def waste_group(db):
    return Group.objects.create(name="Waste")


@pytest.fixture
def crm_queue(waste_group, receiver):
    return Queue.objects.create(
        name="Waste", group=waste_group, webhook_url=receiver.url, is_default=True
    )
