"""The email server or GOV.UK Notify is down for a whole run of submissions: every resident still
gets their case and reference at once, the outbox keeps each message, and once the provider is
back each message goes exactly once.

Both failures are real: SMTP to a port where nothing listens, then a small SMTP server on that
same port; Notify's client talking HTTP to a local server answering 500, then 201.
"""

import datetime
import socket
import threading
from collections import Counter

from django.test import Client
from django.utils import timezone

import pytest

from forms_app.cases.models import Case
from forms_app.journeys.models import Submission
from forms_app.notifications.models import Notification
from forms_app.notifications.tasks import send_due
from forms_app.outbox.models import OutboxStatus
from tests.forms_app.notifications.conftest import (
    NOTIFY_EMAIL_TEMPLATE,
    NOTIFY_SECRET,
    NOTIFY_SERVICE_ID,
    FakeNotify,
)

from .mailsink import MailSink
from .walk import send

pytestmark = pytest.mark.django_db

RESIDENTS = 4
# The sweeps while the provider is down, each after the previous attempt's wait (1, 5, 30 min).
SWEEPS_DURING_OUTAGE = (datetime.timedelta(minutes=2), datetime.timedelta(minutes=8))
RECOVERED_AT = datetime.timedelta(minutes=45)


def _closed_port():
    """A port on 127.0.0.1 nothing listens on (the kernel just gave it out and we let it go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _send_during_outage(missed_bin, django_capture_on_commit_callbacks):
    """RESIDENTS send the form; each is told their reference while the provider is down."""
    references = []
    for n in range(RESIDENTS):
        # Sending runs when the case commits (the immediate task backend): it fails then.
        with django_capture_on_commit_callbacks(execute=True):
            references.append(
                send(Client(), missed_bin, name=f"Resident {n}", email=f"resident{n}@example.com")
            )
    assert len(set(references)) == RESIDENTS
    assert Submission.objects.count() == Case.objects.count() == RESIDENTS
    return references


def _assert_kept_for_later(references, attempts):
    notifications = Notification.objects.filter(reference__in=references)
    assert notifications.count() == RESIDENTS
    for notification in notifications:
        assert notification.status == OutboxStatus.PENDING
        assert notification.attempts == attempts
        assert notification.sent_at is None


def _sweep_during_outage(references):
    started = timezone.now()
    for attempts, after in enumerate(SWEEPS_DURING_OUTAGE, start=2):
        counts = send_due(now=started + after)
        assert counts[OutboxStatus.PENDING] == RESIDENTS, counts
        _assert_kept_for_later(references, attempts)
    return started


def test_email_server_down_then_back_sends_each_message_once(
    missed_bin, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _closed_port()
    settings.EMAIL_TIMEOUT = 5

    references = _send_during_outage(missed_bin, django_capture_on_commit_callbacks)
    _assert_kept_for_later(references, attempts=1)
    assert set(Notification.objects.values_list("last_error", flat=True)) == {
        "ConnectionRefusedError"
    }
    started = _sweep_during_outage(references)

    with MailSink(port=settings.EMAIL_PORT) as sink:
        assert send_due(now=started + RECOVERED_AT)[OutboxStatus.SENT] == RESIDENTS
        # Nothing is sent twice, however often the sweep runs afterwards.
        assert send_due(now=started + RECOVERED_AT * 10)[OutboxStatus.SENT] == 0

    notifications = Notification.objects.filter(reference__in=references)
    assert set(notifications.values_list("status", flat=True)) == {OutboxStatus.SENT}
    received = Counter(message["To"] for message in sink.messages)
    assert received == {f"resident{n}@example.com": 1 for n in range(RESIDENTS)}
    for notification in notifications:
        (message,) = [m for m in sink.messages if m["Message-ID"] == notification.provider_id]
        reference = notification.reference
        assert f"reference {reference[:4]} {reference[4:]}" in message["Subject"]


@pytest.fixture
def notify_down(settings):
    """NOTIFY_API_KEY set, and Notify's address a local server that answers 500 until told."""
    fake = FakeNotify()
    thread = threading.Thread(target=fake.server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    settings.NOTIFY_API_KEY = f"townhall_test-{NOTIFY_SERVICE_ID}-{NOTIFY_SECRET}"
    settings.NOTIFY_BASE_URL = fake.url
    settings.NOTIFY_EMAIL_TEMPLATE_ID = NOTIFY_EMAIL_TEMPLATE
    fake.statuses = [500] * 1000
    yield fake
    fake.server.shutdown()
    fake.server.server_close()
    thread.join()


def test_notify_down_then_back_sends_each_message_once(
    missed_bin, notify_down, django_capture_on_commit_callbacks
):
    references = _send_during_outage(missed_bin, django_capture_on_commit_callbacks)
    _assert_kept_for_later(references, attempts=1)
    assert set(Notification.objects.values_list("last_error", flat=True)) == {
        "GOV.UK Notify answered 500 (HTTPError)"
    }
    started = _sweep_during_outage(references)
    failed_requests = len(notify_down.requests)
    assert failed_requests == RESIDENTS * (1 + len(SWEEPS_DURING_OUTAGE))

    notify_down.statuses = []  # Notify answers 201 from now on
    assert send_due(now=started + RECOVERED_AT)[OutboxStatus.SENT] == RESIDENTS
    assert send_due(now=started + RECOVERED_AT * 10)[OutboxStatus.SENT] == 0

    accepted = notify_down.requests[failed_requests:]
    notifications = Notification.objects.filter(reference__in=references)
    assert Counter(r["json"]["reference"] for r in accepted) == {
        f"townhall-{pk}": 1 for pk in notifications.values_list("pk", flat=True)
    }
    assert {r["json"]["email_address"] for r in accepted} == {
        f"resident{n}@example.com" for n in range(RESIDENTS)
    }
    assert set(notifications.values_list("status", flat=True)) == {OutboxStatus.SENT}
    assert all(n.provider_id.startswith("notify-") for n in notifications)
