"""Notifications: what residents and teams are told about a case, and that it survives outages."""

import datetime

from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.permissions import policy_registry

import pytest
from notifications_python_client.authentication import decode_jwt_token

from forms_app.cases.enums import CaseStatus
from forms_app.cases.models import Case, RoutingRule
from forms_app.cases.routing import open_case
from forms_app.notifications.content import uk_mobile
from forms_app.notifications.models import Notification, notifications_for_case
from forms_app.notifications.tasks import send_due, send_notification
from tests.factories.casework import SubmissionFactory
from tests.factories.users import sign_in_verified

from .conftest import NOTIFY_EMAIL_TEMPLATE, NOTIFY_SECRET, NOTIFY_SMS_TEMPLATE

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


class FlakyEmailBackend(LocmemBackend):
    """A mail server that is down for the first `failures` sends, then delivers to mail.outbox."""

    failures = 0
    attempts = 0

    def send_messages(self, messages):
        FlakyEmailBackend.attempts += 1
        if FlakyEmailBackend.attempts <= FlakyEmailBackend.failures:
            raise ConnectionRefusedError("mail server sam@example.com unreachable")
        return super().send_messages(messages)


@pytest.fixture
def flaky_email(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyEmailBackend"
    FlakyEmailBackend.attempts = 0

    def down_for(failures):
        FlakyEmailBackend.failures = failures

    return down_for


def test_submitting_queues_the_confirmation_with_the_case_and_sends_it_after_commit(submit):
    case = submit(execute=False)

    # Before commit: the message is written beside the case, and nothing has gone out yet.
    queued = Notification.objects.get(case=case)
    assert (queued.status, queued.kind, queued.channel) == ("pending", "received", "email")
    assert queued.recipient == "sam@example.com"
    assert mail.outbox == []

    case = submit()
    [email] = mail.outbox
    assert email.to == ["sam@example.com"]
    assert case.reference in email.subject
    assert f"Your reference is {case.reference}." in email.body
    # What happens next, from the form, as plain text with the link address kept.
    assert "We will collect your bin within 2 working days." in email.body
    assert "- See bin days (http://testserver/bin-days/)" in email.body
    assert "- Recycling (https://example.com/a?b=1&c=2)" in email.body
    assert "http://testserver/check-progress/" in email.body
    assert "Testshire Council" in email.body
    sent = Notification.objects.get(case=case)
    assert (sent.status, sent.attempts) == ("sent", 1)
    assert sent.sent_at is not None
    assert sent.provider_id == email.extra_headers["Message-ID"]


def test_no_message_is_queued_or_sent_when_the_case_is_not_saved(
    submit, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        submit(execute=None)
        raise RuntimeError("the submission failed after the case was opened")

    assert callbacks == []

    assert not Case.objects.exists()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_the_team_is_told_about_a_new_case_without_the_residents_details(submit, waste_queue):
    waste_queue.team_email = "waste-team@council.example"
    waste_queue.save()

    case = submit()

    team_email = next(email for email in mail.outbox if email.to == [waste_queue.team_email])
    assert team_email.subject == f"New case {case.reference}: Report a missed bin collection"
    assert "A new case has arrived in the Waste queue." in team_email.body
    assert "sam@example.com" not in team_email.body
    assert "Sam Jones" not in team_email.body
    assert sorted(Notification.objects.values_list("kind", flat=True)) == [
        "received",
        "team_new_case",
    ]


def test_public_messages_and_resolving_are_sent_but_internal_notes_are_not(
    submit, waste_officer, django_capture_on_commit_callbacks
):
    case = submit()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        case.add_update(waste_officer, "Crew say the road was blocked.", public=False)
        case.change_status(CaseStatus.IN_PROGRESS, waste_officer, note="Rebooked")
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        case.add_update(waste_officer, "We will come back on Thursday.", public=True)
    [message] = mail.outbox
    assert message.subject == f"An update on your case {case.reference}"
    assert "We will come back on Thursday." in message.body

    with django_capture_on_commit_callbacks(execute=True):
        case.change_status(CaseStatus.RESOLVED, waste_officer, public_message="Bin emptied.")
    resolved = mail.outbox[1]
    assert resolved.subject == f"Your case {case.reference} has been resolved"
    assert "Bin emptied." in resolved.body
    assert "Rebooked" not in resolved.body
    assert list(notifications_for_case(case).values_list("kind", "status")) == [
        ("received", "sent"),
        ("message", "sent"),
        ("resolved", "sent"),
    ]


def test_waiting_for_the_resident_asks_them_for_more_information(
    submit, waste_officer, django_capture_on_commit_callbacks
):
    case = submit()
    with django_capture_on_commit_callbacks(execute=True):
        case.change_status(CaseStatus.WAITING, waste_officer, public_message="Which street?")
    waiting = mail.outbox[-1]
    assert waiting.subject == f"We need more information about your case {case.reference}"
    assert "Which street?" in waiting.body


def test_a_queue_that_does_not_tell_residents_sends_them_nothing(
    submit, waste_queue, waste_officer, django_capture_on_commit_callbacks
):
    waste_queue.notify_resident = False
    waste_queue.team_email = "waste-team@council.example"
    waste_queue.save()

    case = submit()
    with django_capture_on_commit_callbacks(execute=True):
        case.change_status(CaseStatus.RESOLVED, waste_officer, public_message="Done.")

    assert [email.to for email in mail.outbox] == [["waste-team@council.example"]]
    assert not Notification.objects.exclude(kind="team_new_case").exists()


def test_a_resident_with_only_a_mobile_number_gets_a_text_through_notify(submit, notify):
    case = submit(email="", phone="07700 900123")

    [request] = notify.requests
    assert request["path"] == "/v2/notifications/sms"
    assert request["json"]["phone_number"] == "+447700900123"
    assert request["json"]["template_id"] == NOTIFY_SMS_TEMPLATE
    assert case.reference in request["json"]["personalisation"]["body"]
    assert (
        "Testshire Council: we have received your form."
        in (request["json"]["personalisation"]["body"])
    )
    # Signed as Notify expects, with the key's secret.
    assert decode_jwt_token(request["auth"].removeprefix("Bearer "), NOTIFY_SECRET)
    sent = Notification.objects.get(case=case)
    assert (sent.channel, sent.status, sent.provider_id) == ("sms", "sent", "notify-1")
    assert sent.masked_recipient == "+447******123"


def test_a_landline_alone_gets_nothing_and_texts_without_notify_are_marked_not_sent(submit):
    submit(email="", phone="01632 960001")
    assert not Notification.objects.exists()

    case = submit(email="", phone="+44 7700 900123")
    text = Notification.objects.get(case=case)
    assert (text.status, text.channel) == ("failed", "sms")
    assert text.last_error == "Text messages need GOV.UK Notify, which is not set up."
    assert Case.objects.filter(pk=case.pk).exists()


def test_uk_mobile_numbers_are_recognised_in_the_ways_residents_type_them():
    assert uk_mobile("07700 900123") == "+447700900123"
    assert uk_mobile("+44 (0)7700-900123") is None  # the (0) makes it ambiguous: not guessed
    assert uk_mobile("0044 7700 900123") == "+447700900123"
    assert uk_mobile("01632 960001") is None
    assert uk_mobile("+33 6 12 34 56 78") is None


def test_notify_down_the_case_is_saved_and_the_email_is_retried_until_delivered(submit, notify):
    """Acceptance: Notify answers 500 twice; the case stands and the email arrives later."""
    notify.statuses = [500, 500]
    before = timezone.now()
    case = submit()
    after = timezone.now()

    assert Case.objects.filter(reference=case.reference).exists()
    pending = Notification.objects.get(case=case)
    assert (pending.status, pending.attempts) == ("pending", 1)
    assert pending.last_error == "GOV.UK Notify answered 500 (HTTPError)"
    assert before + MINUTE <= pending.next_attempt_at <= after + MINUTE

    # Not yet due: nothing is tried.
    first_retry = pending.next_attempt_at
    assert send_due(now=first_retry - datetime.timedelta(seconds=1))["pending"] == 0
    assert len(notify.requests) == 1

    # Due: tried again, Notify still down, the next wait is 5 minutes from this attempt.
    assert send_due(now=first_retry) == {"pending": 1, "sent": 0, "failed": 0}
    pending.refresh_from_db()
    assert (pending.status, pending.attempts) == ("pending", 2)
    assert pending.next_attempt_at == first_retry + 5 * MINUTE

    # Notify is back: the scheduled run delivers it.
    call_command("send_due_notifications", now=first_retry + 5 * MINUTE, stdout=None)
    pending.refresh_from_db()
    assert (pending.status, pending.attempts, pending.provider_id) == ("sent", 3, "notify-3")
    assert pending.sent_at == first_retry + 5 * MINUTE
    assert pending.last_error == ""
    assert len(notify.requests) == 3
    delivered = notify.requests[-1]["json"]
    assert delivered["email_address"] == "sam@example.com"
    assert delivered["template_id"] == NOTIFY_EMAIL_TEMPLATE
    assert delivered["personalisation"]["subject"] == (
        f"We have received your form – reference {case.reference}"
    )
    assert delivered["reference"] == f"townhall-{pending.pk}"
    # A delivered message is never sent again.
    assert send_due(now=first_retry + 60 * MINUTE)["sent"] == 0
    assert len(notify.requests) == 3


def test_notify_rejecting_the_request_is_not_retried(submit, notify):
    notify.statuses = [400]
    case = submit()
    rejected = Notification.objects.get(case=case)
    assert (rejected.status, rejected.attempts) == ("failed", 1)
    assert rejected.last_error == "GOV.UK Notify answered 400 (HTTPError)"
    assert send_due(now=timezone.now() + 24 * 60 * MINUTE)["sent"] == 0


def test_mail_server_down_backs_off_and_delivers_after_recovery(submit, flaky_email):
    flaky_email(3)
    case = submit()
    assert Case.objects.filter(pk=case.pk).exists()
    pending = Notification.objects.get(case=case)
    # The error names the problem, never the address the mail server quoted.
    assert pending.last_error == "ConnectionRefusedError"

    now = pending.next_attempt_at
    waits = []
    while send_due(now=now)["sent"] == 0:
        pending.refresh_from_db()
        waits.append(pending.next_attempt_at - now)
        now = pending.next_attempt_at

    assert waits == [5 * MINUTE, 30 * MINUTE]
    pending.refresh_from_db()
    assert (pending.status, pending.attempts) == ("sent", 4)
    [email] = mail.outbox
    assert case.reference in email.subject


def test_after_six_failed_attempts_the_message_is_given_up(submit, flaky_email):
    flaky_email(100)
    case = submit()
    notification = Notification.objects.get(case=case)
    waits = [notification.next_attempt_at - notification.created_at]
    now = notification.next_attempt_at
    for _ in range(5):
        send_due(now=now)
        notification.refresh_from_db()
        if notification.next_attempt_at:
            waits.append(notification.next_attempt_at - now)
            now = notification.next_attempt_at

    assert (notification.status, notification.attempts) == ("failed", 6)
    assert notification.last_error == "Gave up after 6 attempts: ConnectionRefusedError"
    assert [round(wait / MINUTE) for wait in waits] == [1, 5, 30, 120, 720]
    assert send_due(now=now + 24 * 60 * MINUTE)["failed"] == 0
    assert mail.outbox == []


def test_with_the_database_queue_a_failed_send_is_rescheduled_for_its_next_attempt(
    submit, flaky_email, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    flaky_email(1)
    case = submit()
    notification = Notification.objects.get(case=case)
    ours = DBTaskResult.objects.filter(task_path=send_notification.module_path)
    [first] = ours
    assert first.args_kwargs == {"args": [notification.pk], "kwargs": {}}
    assert mail.outbox == []  # a db_worker sends it, not the resident's request

    # What db_worker does with that task: Notify's or the mail server's outage is rescheduled.
    send_notification.call(notification.pk)
    notification.refresh_from_db()
    retry = ours.exclude(pk=first.pk).get()
    assert retry.run_after == notification.next_attempt_at
    assert retry.args_kwargs == {"args": [notification.pk], "kwargs": {}}


def test_removing_personal_details_stops_unsent_messages(submit, flaky_email):
    flaky_email(1)
    case = submit()
    Notification.objects.filter(case=case).anonymise()
    forgotten = Notification.objects.get(case=case)
    assert (forgotten.status, forgotten.recipient, forgotten.body) == ("failed", "", "")
    assert forgotten.last_error == "Not sent: personal details were removed."
    assert send_due(now=timezone.now() + 60 * MINUTE)["sent"] == 0
    assert mail.outbox == []


def test_a_welsh_case_is_told_in_welsh(submit):
    case = submit(language="cy")
    [email] = mail.outbox
    assert email.subject == f"Rydym wedi cael eich ffurflen – cyfeirnod {case.reference}"
    assert f"Eich cyfeirnod yw {case.reference}." in email.body
    assert "http://testserver/cy/check-progress/" in email.body
    assert Notification.objects.get(case=case).language == "cy"


def test_the_case_page_table_shows_masked_recipients(submit, flaky_email):
    flaky_email(1)
    case = submit()
    html = render_to_string(
        "notifications/case_notifications.html", {"notifications": notifications_for_case(case)}
    )
    assert "s***@example.com" in html
    assert "sam@example.com" not in html
    assert "Case received" in html
    assert "Waiting to send" in html
    assert "1 failed attempt, trying again" in html


def _admin_access(group):
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def test_staff_see_only_their_queues_notifications(
    client, submit, housing_queue, housing_officer, waste_officer
):
    _admin_access(housing_queue.group)
    waste_case = submit(email="wendy@example.com")
    housing_case = submit(email="harri@example.com")
    housing_case.queue = housing_queue
    housing_case.save()
    waste_notification = Notification.objects.get(case=waste_case)
    housing_notification = Notification.objects.get(case=housing_case)

    sign_in_verified(client, housing_officer)
    listing = client.get(reverse("notifications:index"))
    assert listing.status_code == 200
    assert listing.context["object_list"].get() == housing_notification
    assert housing_case.reference in listing.text
    assert "h***@example.com" in listing.text
    assert "harri@example.com" not in listing.text
    assert waste_case.reference not in listing.text

    inspect = client.get(reverse("notifications:inspect", args=[housing_notification.pk]))
    assert inspect.status_code == 200
    assert "h***@example.com" in inspect.text
    other = client.get(reverse("notifications:inspect", args=[waste_notification.pk]))
    assert other.status_code == 404

    policy = policy_registry.get_by_type(Notification)
    assert list(policy.users_with_permission_for_instance("view", housing_notification)) == [
        housing_officer
    ]
    assert not policy.user_has_permission_for_instance(housing_officer, "view", waste_notification)
    assert not policy.user_has_permission(housing_officer, "change")


def test_staff_outside_any_queue_cannot_open_the_list(client, django_user_model, submit):
    submit()
    outsider = django_user_model.objects.create_user("outsider", password="x")
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    sign_in_verified(client, outsider)
    response = client.get(reverse("notifications:index"))
    assert response.status_code == 302  # sent back to the dashboard with "no permission"


def test_the_reference_is_quoted_as_on_the_confirmation_page(journey, waste_queue):
    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    submission = SubmissionFactory(reference="HT7K9QWX", journey=journey)
    with TestCase.captureOnCommitCallbacks(execute=True):
        open_case(submission)
    [email] = mail.outbox
    assert email.subject == "We have received your form – reference HT7K 9QWX"
    assert "Your reference is HT7K 9QWX." in " ".join(email.body.split())
    assert "HT7K9QWX" not in email.body
