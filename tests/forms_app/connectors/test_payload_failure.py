"""A webhook payload that cannot be built never costs a resident their submission.

The delivery is still recorded with the case, and sent once its payload can be built.
"""

import datetime
import json
from io import StringIO

from django.core.management import call_command

import pytest

from forms_app.cases.enums import CaseStatus
from forms_app.cases.models import Case, Queue
from forms_app.cases.routing import open_case
from forms_app.connectors import payloads
from forms_app.connectors.enums import DeliveryStatus
from forms_app.connectors.models import WebhookDelivery
from tests.factories import UserFactory
from tests.forms_app.connectors.test_webhooks import _submission
from tests.forms_app.journeys import conftest as journeys
from tests.forms_app.journeys.test_journey import _complete_and_send, _reference_on

pytestmark = pytest.mark.django_db

# The journey tests' live missed-bin form, shared rather than copied; its queue is ours below.
missed_bin = journeys.missed_bin


@pytest.fixture
def default_queue(waste_group, receiver):
    """The queue every submission lands in, with the council's CRM listening for new cases."""
    return Queue.objects.create(
        name="Waste", group=waste_group, webhook_url=receiver.url, is_default=True
    )


@pytest.fixture
def broken_payloads(monkeypatch):
    """Building the JSON fails (a bug in a new field, say) until the test calls `.undo()`."""

    def fail(*args, **kwargs):
        raise RuntimeError("the payload builder is broken")

    monkeypatch.setattr(payloads, "case_payload", fail)
    return monkeypatch


def _sweep(now):
    out = StringIO()
    call_command("deliver_due_webhooks", now=now.isoformat(), stdout=out)
    return out.getvalue()


def test_a_resident_submits_while_the_payload_cannot_be_built_and_the_case_is_sent_later(
    client,
    missed_bin,
    default_queue,
    receiver,
    signing_key,
    broken_payloads,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = _complete_and_send(client, missed_bin)

    # The resident sees their reference, as on any other day.
    assert sent.status_code == 302
    confirmation = client.get(sent["Location"])
    assert confirmation.status_code == 200
    reference = _reference_on(confirmation).replace(" ", "")
    case = Case.objects.get(reference=reference)

    # The delivery was recorded with the case and tried after commit: nothing could go yet.
    delivery = WebhookDelivery.objects.get(case=case)
    assert (delivery.event, delivery.status) == ("case.created", DeliveryStatus.PENDING)
    assert delivery.payload is None
    assert (delivery.attempts, delivery.last_error) == (1, "RuntimeError")
    assert receiver.requests == []

    # Fixed and deployed: the next sweep after the wait builds the JSON and sends it, once.
    broken_payloads.undo()
    assert "1 delivered" in _sweep(delivery.next_attempt_at)
    [request] = receiver.requests
    body = json.loads(request["body"])
    assert (body["event"], body["reference"], body["status"]) == ("case.created", reference, "new")
    assert [row["display"] for row in body["answers"] if row["name"] == "email"] == [
        "sam@example.com"
    ]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("sent", 2, "")
    assert delivery.payload == body
    _sweep(delivery.next_attempt_at or delivery.sent_at + datetime.timedelta(days=1))
    assert len(receiver.requests) == 1


def test_an_update_whose_payload_failed_is_sent_with_its_change(
    crm_queue, receiver, signing_key, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = open_case(_submission("FT7K9QWX"))
    boss = UserFactory(username="boss", is_superuser=True)
    built = payloads.case_payload

    def fail(*args, **kwargs):
        raise RuntimeError("the payload builder is broken")

    monkeypatch.setattr(payloads, "case_payload", fail)
    with django_capture_on_commit_callbacks(execute=True):
        case.change_status(CaseStatus.IN_PROGRESS, boss, note="Crew sent")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.IN_PROGRESS
    update = WebhookDelivery.objects.get(event="case.updated")
    assert update.status == DeliveryStatus.PENDING

    monkeypatch.setattr(payloads, "case_payload", built)
    _sweep(update.next_attempt_at)
    body = json.loads(receiver.requests[-1]["body"])
    assert body["event"] == "case.updated"
    assert (body["update"]["status_from"], body["update"]["status_to"]) == ("new", "in_progress")
