"""The outbox, as notifications and webhook deliveries both use it: scheduled, cancelled, claimed.

Every test runs once for each outbox model, through its own queueing function, task, sender and
command: the same behaviour from the same code.
"""

import datetime
from dataclasses import dataclass
from io import StringIO
from typing import Any

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from forms_app.connectors import posting
from forms_app.connectors.delivery import queue_delivery
from forms_app.connectors.enums import WebhookEvent
from forms_app.connectors.models import WebhookDelivery
from forms_app.connectors.tasks import deliver_webhook
from forms_app.notifications import senders
from forms_app.notifications.enums import NotificationKind
from forms_app.notifications.models import Notification
from forms_app.notifications.outbox import cancel_pending, queue
from forms_app.notifications.tasks import send_notification
from forms_app.outbox import dispatch

SECOND = datetime.timedelta(seconds=1)
DAY = datetime.timedelta(days=1)


@dataclass
class Outbox:
    model: Any
    command: str
    task: Any
    send: Any
    schedule: Any  # (case, at) -> a new item, to be sent at `at`
    received: Any  # () -> what the receiver has been sent: emails, or HTTP requests

    def sweep(self, now):
        out = StringIO()
        call_command(self.command, now=now.isoformat(), stdout=out)
        return out.getvalue()


@pytest.fixture(params=["notification", "webhook delivery"])
def outbox(request, crm):
    if request.param == "notification":
        return Outbox(
            model=Notification,
            command="send_due_notifications",
            task=send_notification,
            send=senders.send,
            schedule=lambda case, at: queue(
                case, NotificationKind.MESSAGE, "email", "sam@example.com", "en", send_at=at
            ),
            received=lambda: mail.outbox,
        )
    return Outbox(
        model=WebhookDelivery,
        command="deliver_due_webhooks",
        task=deliver_webhook,
        send=posting.send,
        schedule=lambda case, at: queue_delivery(case, WebhookEvent.CASE_UPDATED, send_at=at),
        received=lambda: crm.requests,
    )


@pytest.fixture
def case(submit, outbox):
    """A case whose first email and webhook have gone, so what follows is all the test's."""
    case = submit()
    assert len(outbox.received()) == 1
    outbox.received().clear()
    return case


@pytest.fixture
def later():
    """Two days from now, to the second (as a command's --now reads it back)."""
    return (timezone.now() + 2 * DAY).replace(microsecond=0)


def test_a_scheduled_item_is_not_sent_before_its_time_and_is_sent_once_after(
    outbox, case, later, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = outbox.schedule(case, later)

    # Tasks run at once here, but never before an item's time: it waits for the sweep.
    assert outbox.received() == []
    assert list(outbox.model.objects.scheduled()) == [item]
    outbox.sweep(later - SECOND)
    item.refresh_from_db()
    assert (item.status, item.attempts) == ("pending", 0)
    assert outbox.received() == []

    outbox.sweep(later)
    item.refresh_from_db()
    assert (item.status, item.attempts, item.sent_at) == ("sent", 1, later)
    assert len(outbox.received()) == 1
    assert not outbox.model.objects.scheduled().exists()

    outbox.sweep(later + DAY)
    assert len(outbox.received()) == 1


def test_a_cancelled_item_is_never_sent_and_what_went_is_left_alone(
    outbox, case, later, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = outbox.schedule(case, later)
    first = outbox.model.objects.get(status="sent")

    assert outbox.model.objects.filter(case=case).cancel() == 1

    # Due by then, and still never sent: not by a sweep, nor by a task that was waiting for it.
    outbox.sweep(later + DAY)
    assert outbox.task.call(item.pk) is None
    assert outbox.received() == []
    item.refresh_from_db()
    assert (item.status, item.attempts, item.next_attempt_at) == ("cancelled", 0, None)
    first.refresh_from_db()
    assert first.status == "sent"


def test_an_item_being_sent_is_not_sent_again_by_a_sweep_running_at_the_same_time(
    outbox, case, later, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = outbox.schedule(case, later)
    other_sweeps = []

    def send_while_another_worker_sweeps(claimed):
        # This worker has claimed the item; another one's sweep starts before it has sent it.
        other_sweeps.append(outbox.sweep(later))
        outbox.send(claimed)

    counts = dispatch.sweep(
        outbox.model, send_while_another_worker_sweeps, task=outbox.task, now=later
    )

    assert counts == {"pending": 0, "sent": 1, "failed": 0}
    assert len(other_sweeps) == 1
    assert len(outbox.received()) == 1
    item.refresh_from_db()
    assert (item.status, item.attempts) == ("sent", 1)


def test_an_item_whose_worker_died_mid_send_is_sent_by_a_sweep_after_the_lease(
    outbox, case, later, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = outbox.schedule(case, later)
    assert item.claim(later)  # ... and the worker that claimed it was killed there
    lease = outbox.model.claim_lease

    outbox.sweep(later + lease - SECOND)
    assert outbox.received() == []

    outbox.sweep(later + lease)
    assert len(outbox.received()) == 1
    item.refresh_from_db()
    assert (item.status, item.attempts) == ("sent", 2)


def test_with_the_database_queue_a_scheduled_item_waits_in_the_queue_for_its_time(
    outbox, case, later, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        item = outbox.schedule(case, later)

    [waiting] = DBTaskResult.objects.filter(task_path=outbox.task.module_path)
    assert waiting.args_kwargs == {"args": [item.pk], "kwargs": {}}
    assert waiting.run_after == later
    # Run early all the same (a worker's clock ahead of ours): it finds nothing due to send.
    assert outbox.task.call(item.pk) is None
    assert outbox.received() == []


def test_a_cases_pending_notifications_of_one_kind_are_cancelled_and_the_rest_kept(
    submit, later, django_capture_on_commit_callbacks
):
    case = submit()
    with django_capture_on_commit_callbacks(execute=True):
        reminder = queue(case, "message", "email", "sam@example.com", "en", send_at=later)
        chaser = queue(case, "waiting", "email", "sam@example.com", "en", send_at=later)

    assert cancel_pending(case, kind="message") == 1
    call_command("send_due_notifications", now=(later + DAY).isoformat(), stdout=StringIO())

    reminder.refresh_from_db()
    chaser.refresh_from_db()
    assert (reminder.status, chaser.status) == ("cancelled", "sent")
    assert [email.subject for email in mail.outbox][1:] == [
        f"We need more information about your case {case.reference}"
    ]
    assert cancel_pending(case) == 0  # nothing left waiting
