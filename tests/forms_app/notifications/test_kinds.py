"""Notification kinds: another app registers its own, and it is queued, sent and listed as ours."""

from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

import pytest

from forms_app.notifications import kinds
from forms_app.notifications.enums import NotificationKind
from forms_app.notifications.kinds import NotificationKindSpec, get_kind, register_kind
from forms_app.notifications.models import Notification
from forms_app.notifications.outbox import queue
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

# What another app would register from its AppConfig.ready() (not the bookings app's own
# "booking_reminder", which is registered already).
REMINDER = NotificationKindSpec(
    "example_reminder",
    "Appointment reminder",
    subject="Reminder: your appointment on %(date)s (%(reference)s)",
    template="notifications/{channel}_message.txt",
)


@pytest.fixture
def reminder_kind(monkeypatch):
    """REMINDER registered for this test only, as another app's ready() would register it."""
    monkeypatch.setattr(kinds, "_kinds", dict(kinds._kinds))
    return register_kind(REMINDER)


def test_the_casework_kinds_are_registered_by_the_notifications_app():
    assert [value for value, _label in kinds.kind_choices()][:5] == NotificationKind.values
    assert get_kind("received").subject == "We have received your form – reference %(reference)s"


def test_another_apps_kind_is_queued_sent_and_shown_with_its_own_words(
    reminder_kind, submit, waste_queue, waste_officer, client, django_capture_on_commit_callbacks
):
    case = submit()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        queue(
            case,
            "example_reminder",
            "email",
            "sam@example.com",
            "en",
            context={"date": "Tuesday 2 December", "message": "See you at 10:30."},
        )

    [email] = mail.outbox
    assert email.subject == f"Reminder: your appointment on Tuesday 2 December ({case.reference})"
    assert "See you at 10:30." in email.body
    reminder = Notification.objects.get(kind="example_reminder")
    assert (reminder.status, reminder.get_kind_display()) == ("sent", "Appointment reminder")

    # Staff read it in the list and can filter by it, with no migration for the new kind.
    waste_queue.group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    sign_in_verified(client, waste_officer)
    listing = client.get(reverse("notifications:index"), {"kind": "example_reminder"})
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [reminder]
    assert "Appointment reminder" in listing.text


def test_a_kind_is_registered_once(reminder_kind):
    assert register_kind(REMINDER) is REMINDER  # an app's ready() may run again: harmless
    with pytest.raises(ImproperlyConfigured):
        register_kind(NotificationKindSpec("example_reminder", "Something else", subject="x"))
    with pytest.raises(ImproperlyConfigured):
        register_kind(NotificationKindSpec("a_value_longer_than_twenty", "Too long", subject="x"))


def test_a_kind_nobody_registered_cannot_be_queued(submit):
    case = submit()
    with pytest.raises(LookupError):
        queue(case, "example_reminder", "email", "sam@example.com", "en")
    assert not Notification.objects.filter(kind="example_reminder").exists()
