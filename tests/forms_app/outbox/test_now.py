"""`--now`: every scheduled command reads the moment it is told to act at in the same way."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest

from forms_app.cases.enums import CaseStatus
from forms_app.cases.models import Case
from forms_app.connectors.delivery import queue_delivery
from forms_app.connectors.enums import DeliveryStatus, WebhookEvent
from forms_app.notifications.models import Notification
from forms_app.notifications.outbox import queue
from forms_app.outbox.commands import parse_now

COMMANDS = [
    "send_due_notifications",
    "deliver_due_webhooks",
    "purge_expired_cases",
    "send_booking_reminders",
]
UTC = datetime.UTC
# A summer's morning, when London is an hour ahead of UTC (and years after this test was written).
SUMMER_0800_UTC = datetime.datetime(2030, 7, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Years ahead, every file of another test's journey looks abandoned to the retention run:
    these runs get a folder of their own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


def _run(command, *args, **options):
    out = StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def test_a_moment_with_a_zone_is_taken_as_it_is():
    assert parse_now("2030-07-01T08:00:00+00:00") == SUMMER_0800_UTC
    assert parse_now("2030-07-01T08:00:00Z") == SUMMER_0800_UTC
    assert parse_now("2030-07-01T10:00:00+02:00") == SUMMER_0800_UTC
    assert parse_now(SUMMER_0800_UTC) == SUMMER_0800_UTC


def test_a_moment_without_a_zone_is_in_the_sites_time_zone_whatever_zone_is_active():
    with timezone.override("Asia/Tokyo"):
        assert parse_now("2030-07-01T09:00") == SUMMER_0800_UTC  # British Summer Time
        assert parse_now("2030-12-01T09:00") == datetime.datetime(2030, 12, 1, 9, 0, tzinfo=UTC)
        assert parse_now("2030-07-01") == datetime.datetime(2030, 6, 30, 23, 0, tzinfo=UTC)
        assert parse_now(datetime.datetime(2030, 7, 1, 9, 0)) == SUMMER_0800_UTC


def test_no_moment_means_now():
    before = timezone.now()
    assert before <= parse_now(None) <= timezone.now()


@pytest.mark.django_db
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("value", ["tomorrow", "01/07/2030 09:00", "2030-13-01T09:00", ""])
def test_every_command_refuses_a_moment_it_cannot_read(command, value):
    with pytest.raises(CommandError, match="--now must be an ISO 8601 date and time"):
        _run(command, now=value)
    # The same from the command line.
    with pytest.raises(CommandError, match="ISO 8601"):
        _run(command, f"--now={value}")


@pytest.mark.django_db
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_a_moment_from_the_command_line(command):
    assert _run(command, "--now=2030-07-01T09:00")


def test_sending_notifications_at_a_local_time(submit, django_capture_on_commit_callbacks):
    case = submit()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminder = queue(case, "message", "email", "sam@example.com", "en", send_at=SUMMER_0800_UTC)

    # 08:30 in London is 07:30 UTC: half an hour early (read as UTC, it would be late).
    assert _run("send_due_notifications", now="2030-07-01T08:30") == (
        "Sent 0, will retry 0, gave up on 0.\n"
    )
    assert mail.outbox == []
    assert _run("send_due_notifications", now="2030-07-01T09:00") == (
        "Sent 1, will retry 0, gave up on 0.\n"
    )
    reminder.refresh_from_db()
    assert (reminder.status, reminder.sent_at) == ("sent", SUMMER_0800_UTC)
    assert Notification.objects.filter(status="sent").count() == 2


def test_delivering_webhooks_at_a_local_time(submit, crm, django_capture_on_commit_callbacks):
    case = submit()
    with django_capture_on_commit_callbacks(execute=True):
        scheduled = queue_delivery(case, WebhookEvent.CASE_UPDATED, send_at=SUMMER_0800_UTC)

    assert _run("deliver_due_webhooks", now="2030-07-01T08:59") == (
        "No webhook deliveries were due.\n"
    )
    assert _run("deliver_due_webhooks", now="2030-07-01T09:00") == (
        "Attempted 1 webhook deliveries: 1 delivered.\n"
    )
    assert len(crm.requests) == 2
    scheduled.refresh_from_db()
    assert (scheduled.status, scheduled.sent_at) == (DeliveryStatus.DELIVERED, SUMMER_0800_UTC)


def test_purging_expired_cases_at_a_local_time(submit):
    case = submit()
    # Expired 08:00 UTC on 1 July 2030: closed its retention period before.
    Case.objects.filter(pk=case.pk).update(
        status=CaseStatus.CLOSED,
        closed_at=SUMMER_0800_UTC - datetime.timedelta(days=case.retention_days),
    )

    assert _run("purge_expired_cases", now="2030-07-01T08:59") == (
        "Removed personal details from 0 cases past their retention.\n"
        "Removed 0 files of forms never sent and 0 saved forms older than 7 days.\n"
    )
    assert _run("purge_expired_cases", now="2030-07-01T09:01") == (
        "Removed personal details from 1 case past their retention.\n"
        "Removed 0 files of forms never sent and 0 saved forms older than 7 days.\n"
    )
    assert Case.objects.get(pk=case.pk).anonymised_at == datetime.datetime(
        2030, 7, 1, 8, 1, tzinfo=UTC
    )
