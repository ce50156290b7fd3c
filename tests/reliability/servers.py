"""App processes for the reliability tests: gunicorn on the test settings, on a free port.

Each server is a gunicorn master with its worker processes, as in production, started on
`townhall.settings.test` (DEBUG off, the same middleware) against the database URL it is given.
"""

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection

import pytest
import requests
from bs4 import BeautifulSoup

REQUEST_TIMEOUT = 20
SERVER_START = 60
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")
BOOTED = re.compile(r"Booting worker with pid: (\d+)")


def http_session():
    session = requests.Session()
    session.trust_env = False  # straight to 127.0.0.1, never through a proxy in the environment
    return session


def soup(response):
    return BeautifulSoup(response.text, "html.parser")


@contextmanager
def database_for_servers(tmp_path):
    """The URL of a database app processes share, holding what the test has committed.

    PostgreSQL: the test database itself. SQLite: the test database is in this process's memory,
    so the servers get a copy in a file, and what they wrote is copied back for the checks.
    """
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        url = urlsplit(os.environ["DATABASE_URL"])
        yield url._replace(path=f"/{connection.settings_dict['NAME']}").geturl()
        return
    assert connection.vendor == "sqlite", connection.vendor
    path = tmp_path / "townhall.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    yield f"sqlite:///{path}"
    written = sqlite3.connect(path)
    written.backup(connection.connection)
    written.close()


class Server:
    def __init__(self, process, log_path, base_url):
        self.process = process
        self.log_path = log_path
        self.url = base_url

    def log(self):
        return self.log_path.read_text()

    def workers_booted(self):
        """The worker processes started so far (a worker that died is replaced by a new one)."""
        return BOOTED.findall(self.log())

    def errors(self):
        return sorted({line for line in self.log().splitlines() if "Error" in line})


@contextmanager
def gunicorn(database_url, log_path, *, workers=1, threads=1, env=None):
    """gunicorn on a free port of 127.0.0.1; yields a Server once /healthz answers 200.

    With `threads` above 1 each worker process serves that many requests at once (gthread).
    """
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "townhall.settings.test",
        "DATABASE_URL": database_url,
        **(env or {}),
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "townhall.wsgi:application",
        f"--workers={workers}",
        f"--threads={threads}",
        "--bind=127.0.0.1:0",  # the kernel picks a free port; gunicorn logs which
        f"--timeout={REQUEST_TIMEOUT + 10}",
        "--graceful-timeout=5",
    ]
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603 - our own command line, no outside input
            command, cwd=settings.BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        yield Server(process, log_path, _wait_until_serving(process, log_path))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _wait_until_serving(process, log_path):
    deadline = time.monotonic() + SERVER_START
    base_url = None
    session = http_session()
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped ({process.returncode}):\n{log_path.read_text()}")
        if base_url is None:
            found = LISTENING.search(log_path.read_text())
            base_url = found and found.group(1)
        if base_url:
            try:
                if session.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                    return base_url
            except requests.RequestException:  # not accepting yet, or still starting up
                pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn was not serving within {SERVER_START}s:\n{log_path.read_text()}")
