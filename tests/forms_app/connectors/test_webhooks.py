"""Connectors: each new case and change is POSTed, signed, to its queue's webhook, with retries."""

import datetime
import hashlib
import hmac
import json
from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.enums import CaseStatus
from forms_app.cases.models import Case, Queue
from forms_app.cases.retention import purge_expired_cases
from forms_app.cases.routing import open_case
from forms_app.connectors.enums import DeliveryStatus
from forms_app.connectors.models import WebhookDelivery
from forms_app.journeys.enums import AnswerRole
from tests.factories import UserFactory
from tests.factories.casework import SubmissionFactory, answer
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

STORED_FILE = "journeys/2026/11/3f1c0d9e8b7a4c2d.jpg"


def _submission(reference):
    photo = {
        "name": STORED_FILE,
        "original_name": "tip.jpg",
        "size": 2048,
        "content_type": "image/jpeg",
    }
    return SubmissionFactory(
        reference=reference,
        journey_title="Report fly-tipping",
        answers=[
            answer("full_name", "Sam Jones", label="Full name", role=AnswerRole.NAME),
            answer("email", "sam@example.com", type="email", label="Email"),
            answer(
                "photo", photo, type="file_upload", label="Photo of the rubbish", display="tip.jpg"
            ),
        ],
        language="cy",
    )


@pytest.fixture
def new_case(django_capture_on_commit_callbacks):
    """Open a case as a submitted form does, running what waits for the commit."""

    def make(reference="FT7K9QWX"):
        with django_capture_on_commit_callbacks(execute=True):
            return open_case(_submission(reference))

    return make


def _verify(request, key):
    expected = hmac.new(key.encode(), request["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(request["headers"]["X-Townhall-Signature"], f"sha256={expected}")


def test_a_new_case_is_posted_as_signed_json(crm_queue, receiver, signing_key, new_case):
    case = new_case()

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    delivery = WebhookDelivery.objects.get()
    assert request["path"] == "/townhall/cases"
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["headers"]["X-Townhall-Event"] == "case.created"
    assert request["headers"]["X-Townhall-Delivery"] == str(delivery.pk)
    assert _verify(request, signing_key)
    assert not _verify(request, "some-other-key")

    sent = json.loads(request["body"])
    assert sent["reference"] == case.reference == "FT7K9QWX"
    assert sent["event"] == "case.created"
    assert sent["status"] == "new"
    assert sent["queue"] == "Waste"
    assert sent["form"] == "Report fly-tipping"
    assert sent["due_date"] == case.due_date.isoformat()
    assert (sent["channel"], sent["language"]) == ("online", "cy")
    assert [(row["label"], row["display"]) for row in sent["answers"]] == [
        ("Full name", "Sam Jones"),
        ("Email", "sam@example.com"),
        ("Photo of the rubbish", "tip.jpg"),
    ]
    # The receiver learns the file's name, never where it is kept.
    assert STORED_FILE.encode() not in request["body"]

    assert delivery.reference == "FT7K9QWX"
    assert delivery.status == DeliveryStatus.DELIVERED
    assert (delivery.attempts, delivery.response_status_code) == (1, 200)
    assert delivery.sent_at is not None


def test_a_status_change_is_posted_as_an_update(
    crm_queue, receiver, signing_key, new_case, django_capture_on_commit_callbacks
):
    case = new_case()
    boss = UserFactory(username="boss", is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        case.change_status(CaseStatus.IN_PROGRESS, boss, note="Crew sent")

    assert len(receiver.requests) == 2
    request = receiver.requests[1]
    assert request["headers"]["X-Townhall-Event"] == "case.updated"
    assert _verify(request, signing_key)
    sent = json.loads(request["body"])
    assert sent["status"] == "in_progress"
    assert sent["update"]["status_from"] == "new"
    assert sent["update"]["status_to"] == "in_progress"
    assert list(WebhookDelivery.objects.values_list("event", "status").order_by("pk")) == [
        ("case.created", DeliveryStatus.DELIVERED),
        ("case.updated", DeliveryStatus.DELIVERED),
    ]


def _sweep(now):
    out = StringIO()
    call_command("deliver_due_webhooks", now=now.isoformat(), stdout=out)
    return out.getvalue()


def test_a_failed_delivery_is_retried_with_backoff_until_the_receiver_recovers(
    crm_queue, receiver, signing_key, new_case
):
    receiver.statuses = [500, 500]
    new_case()

    delivery = WebhookDelivery.objects.get()
    first_try = delivery.last_attempt_at
    assert delivery.status == DeliveryStatus.PENDING
    assert (delivery.attempts, delivery.response_status_code) == (1, 500)
    assert delivery.last_error == "HTTP 500"
    assert delivery.next_attempt_at == first_try + datetime.timedelta(minutes=1)

    # Not yet due: nothing is sent.
    assert "No webhook deliveries were due" in _sweep(first_try + datetime.timedelta(seconds=30))
    assert len(receiver.requests) == 1

    second_try = first_try + datetime.timedelta(minutes=1, seconds=5)
    assert "1 pending" in _sweep(second_try)
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.status) == (2, DeliveryStatus.PENDING)
    assert delivery.next_attempt_at == second_try + datetime.timedelta(minutes=5)

    assert "No webhook deliveries were due" in _sweep(second_try + datetime.timedelta(minutes=4))
    third_try = second_try + datetime.timedelta(minutes=5)
    assert "1 delivered" in _sweep(third_try)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert (delivery.attempts, delivery.response_status_code) == (3, 200)
    assert delivery.sent_at == third_try
    assert delivery.last_error == ""
    assert len(receiver.requests) == 3
    # Each retry is the same delivery, byte for byte, so the receiver can tell it is a repeat.
    assert {request["headers"]["X-Townhall-Delivery"] for request in receiver.requests} == {
        str(delivery.pk)
    }
    assert len({request["body"] for request in receiver.requests}) == 1
    assert all(_verify(request, signing_key) for request in receiver.requests)
    # Delivered once: later sweeps leave it alone.
    _sweep(third_try + datetime.timedelta(days=1))
    assert len(receiver.requests) == 3


def test_in_production_the_worker_sends_and_a_retry_waits_in_the_task_queue(
    crm_queue, receiver, signing_key, new_case, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from forms_app.connectors.tasks import attempt_delivery

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.statuses = [500]
    new_case()

    # The request only queued the work: nothing has been sent yet.
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    queued = DBTaskResult.objects.filter(task_path="forms_app.connectors.tasks.deliver_webhook")
    assert [task.args_kwargs["args"] for task in queued] == [[delivery.pk]]

    # What db_worker does with it (the backend enqueues on commit, as the worker's would):
    with django_capture_on_commit_callbacks(execute=True):
        assert attempt_delivery(delivery.pk) == DeliveryStatus.PENDING
    delivery.refresh_from_db()
    assert len(receiver.requests) == 1
    _, retry = queued.order_by("enqueued_at")
    assert retry.args_kwargs["args"] == [delivery.pk]
    assert retry.run_after == delivery.next_attempt_at


def test_delivery_is_given_up_after_six_attempts(crm_queue, receiver, signing_key, new_case):
    receiver.statuses = [503] * 10
    new_case()
    moment = WebhookDelivery.objects.get().last_attempt_at
    for _ in range(8):
        moment += datetime.timedelta(hours=13)
        _sweep(moment)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 6
    assert delivery.next_attempt_at is None
    assert delivery.last_error == "Gave up after 6 attempts: HTTP 503"
    assert len(receiver.requests) == 6


def test_a_queue_without_a_webhook_sends_nothing(waste_group, receiver, signing_key, new_case):
    Queue.objects.create(name="Housing", group=waste_group, is_default=True)
    new_case()
    assert Case.objects.filter(reference="FT7K9QWX").exists()
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []


def test_without_a_signing_key_nothing_is_sent_and_the_reason_is_recorded(
    crm_queue, receiver, settings, new_case
):
    settings.WEBHOOK_SIGNING_KEY = None
    new_case()

    delivery = WebhookDelivery.objects.get()
    assert receiver.requests == []
    assert delivery.status == DeliveryStatus.FAILED
    assert "WEBHOOK_SIGNING_KEY is not set" in delivery.last_error
    assert delivery.attempts == 0


def test_the_case_is_saved_when_the_receiver_is_down(
    waste_group, closed_port, signing_key, new_case
):
    Queue.objects.create(name="Waste", group=waste_group, webhook_url=closed_port, is_default=True)

    case = new_case()

    assert Case.objects.filter(pk=case.pk, reference="FT7K9QWX").exists()
    assert case.updates.filter(kind="created").exists()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempts == 1
    assert delivery.response_status_code is None
    assert delivery.last_error.startswith("ConnectionError")
    assert delivery.next_attempt_at == delivery.last_attempt_at + datetime.timedelta(minutes=1)


def test_payloads_are_cleared_once_the_case_is_anonymised(
    crm_queue, receiver, signing_key, new_case
):
    case = new_case()
    assert WebhookDelivery.objects.get().payload["answers"]
    Case.objects.filter(pk=case.pk).update(anonymised_at=case.created_at)

    _sweep(case.created_at + datetime.timedelta(minutes=1))

    delivery = WebhookDelivery.objects.get()
    assert delivery.payload is None
    assert delivery.status == DeliveryStatus.DELIVERED


def test_superusers_see_deliveries_and_other_staff_do_not(
    client, crm_queue, receiver, signing_key, new_case
):
    receiver.statuses = [502]
    new_case()
    url = reverse("webhook_deliveries:index")

    officer = UserFactory(username="officer")
    staff = Group.objects.create(name="Staff")
    staff.permissions.add(Permission.objects.get(codename="access_admin"))
    officer.groups.add(staff)
    sign_in_verified(client, officer)
    assert client.get(url).status_code in (302, 403)
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()

    sign_in_verified(client, UserFactory(username="boss", is_superuser=True))
    page = client.get(url).content.decode()
    assert "FT7K9QWX" in page
    assert "Response code" in page
    assert "502" in page
    assert "HTTP 502" in page
    delivery = WebhookDelivery.objects.get()
    # Read-only, even for superusers.
    assert client.get(reverse("webhook_deliveries:edit", args=[delivery.pk])).status_code in (
        302,
        403,
    )
    assert client.get(reverse("webhook_deliveries:add")).status_code in (302, 403)
    inspect = client.get(reverse("webhook_deliveries:inspect", args=[delivery.pk]))
    assert inspect.status_code == 200
    assert "Sam Jones" in inspect.content.decode()


@pytest.mark.parametrize(
    ("address", "accepted"),
    [
        ("https://crm.example.gov.uk/townhall/cases", True),
        ("http://crm.example.gov.uk/townhall/cases", False),
        ("http://127.0.0.1:8080/cases", True),  # a receiver on this machine, under development
        ("http://localhost/cases", True),
        ("http://10.0.0.5/cases", False),
    ],
)
def test_cases_are_only_sent_over_https(client, django_user_model, address, accepted):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.com", "x")
    sign_in_verified(client, boss)
    group = Group.objects.create(name="Waste team")
    response = client.post(
        reverse("queues:add"),
        {"name": "Waste", "group": group.pk, "sla_working_days": 5, "webhook_url": address},
    )
    assert Queue.objects.filter(webhook_url=address).exists() is accepted
    if not accepted:
        soup = BeautifulSoup(response.content, "html.parser")
        assert "Enter an address that starts with https://" in soup.get_text()


def test_receivers_are_told_to_remove_their_copy_when_retention_removes_the_details(
    crm_queue, receiver, signing_key, new_case, django_capture_on_commit_callbacks
):
    case = new_case()
    # Closed 100 days ago, past the form's 90 days.
    long_ago = timezone.now() - datetime.timedelta(days=100)
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_expired_cases() == 1

    request = receiver.requests[-1]
    assert request["headers"]["X-Townhall-Event"] == "case.anonymised"
    assert _verify(request, signing_key)
    sent = json.loads(request["body"])
    assert sent["event"] == "case.anonymised"
    assert sent["reference"] == "FT7K9QWX"
    assert b"Sam Jones" not in request["body"]
    assert b"sam@example.com" not in request["body"]
    # Earlier deliveries lose their copy of the details; this one, which has none, is kept.
    _sweep(timezone.now() + datetime.timedelta(minutes=1))
    payloads = dict(WebhookDelivery.objects.values_list("event", "payload").order_by("pk"))
    assert payloads["case.created"] is None
    assert payloads["case.anonymised"]["reference"] == "FT7K9QWX"
