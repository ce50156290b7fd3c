"""Moving a misrouted case to another team's queue: who may, what it records, who then sees it.

A case that lands in the wrong queue is moved by staff with "Can move cases to another queue",
with a reason; the receiving team sees it everywhere (list, page, dashboard) and the sending team
no longer does. The resident is not told; the receiving queue's webhook is.
"""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from forms_app.cases.enums import CaseStatus, UpdateKind
from forms_app.cases.models import Case, CaseLogEntry
from forms_app.cases.panels import queue_counts
from forms_app.connectors.models import WebhookDelivery
from forms_app.notifications.models import Notification
from tests.factories.users import sign_in_verified

from . import test_admin
from .test_admin import INDEX, assert_denied, grant, listed_references, make_case

staff_permissions = test_admin.staff_permissions

pytestmark = pytest.mark.django_db

REASON = "Reported a leaking roof, not a bin: this is a repair."


@pytest.fixture
def can_transfer(waste_group, housing_group, staff_permissions):
    for group in (waste_group, housing_group):
        grant(group, "cases.transfer_case")


@pytest.fixture
def misrouted(waste_queue, waste_officer):
    return make_case(waste_queue, "HT7K9QWX", assignee=waste_officer)


def _transfer(client, case, **data):
    return client.post(
        reverse("cases:transfer", args=[case.pk]),
        {f"transfer-{name}": value for name, value in data.items()},
    )


def test_staff_move_a_misrouted_case_and_the_receiving_team_sees_it(
    client, can_transfer, misrouted, waste_officer, housing_officer, housing_queue, waste_queue
):
    due = misrouted.due_date
    sign_in_verified(client, waste_officer)
    page = client.get(reverse("cases:inspect", args=[misrouted.pk])).content.decode()
    assert "Move to another queue" in page

    response = _transfer(client, misrouted, queue=housing_queue.pk, reason=REASON)

    # The case left the Waste officer's sight: back to their list, told where it went.
    assert response.status_code == 302
    assert response.url == INDEX
    shown = [str(m).strip() for m in response.wsgi_request._messages]
    assert shown == ["Case HT7K 9QWX moved to Housing."]
    misrouted.refresh_from_db()
    assert misrouted.queue == housing_queue
    assert misrouted.assignee is None  # the new team decides who works it
    assert misrouted.due_date == due  # the resident's due date stands
    assert misrouted.status == CaseStatus.NEW
    assert client.get(reverse("cases:inspect", args=[misrouted.pk])).status_code == 404
    assert listed_references(client.get(INDEX)) == []
    assert queue_counts(waste_officer) == [(waste_queue, {"new": 0, "open": 0, "overdue": 0})]

    # Housing sees it in the list, on its page with who moved it, from where and why, and on
    # the dashboard.
    sign_in_verified(client, housing_officer)
    assert listed_references(client.get(INDEX)) == ["HT7K9QWX"]
    page = client.get(reverse("cases:inspect", args=[misrouted.pk])).content.decode()
    assert "Moved to another queue" in page
    assert "Moved from Waste to Housing" in page
    assert REASON in page
    assert "waste_officer" in page or waste_officer.get_full_name() in page
    assert queue_counts(housing_officer) == [(housing_queue, {"new": 1, "open": 1, "overdue": 0})]
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"{INDEX}?queue={housing_queue.pk}&amp;status=new" in home

    update = misrouted.updates.get(kind=UpdateKind.TRANSFERRED)
    assert (update.author, update.queue_from, update.queue_to, update.text, update.public) == (
        waste_officer,
        "Waste",
        "Housing",
        REASON,
        False,
    )
    entry = CaseLogEntry.objects.get(case=misrouted, action="cases.transfer")
    assert entry.user == waste_officer
    assert entry.message == "Moved from Waste to Housing"
    # The reason may quote the resident: it stays in the history retention scrubs, not the log.
    assert REASON not in str(entry.data)


def test_the_resident_is_not_told_and_the_receiving_webhook_is(
    can_transfer, waste_officer, waste_queue, housing_queue, mailoutbox
):
    housing_queue.webhook_url = "https://crm.council.example/cases"
    housing_queue.save()
    case = make_case(waste_queue, "RPRB3456", resident_email="dewi@example.com")
    case.transfer(housing_queue, waste_officer, reason=REASON)

    assert not Notification.objects.filter(case=case).exists()
    assert mailoutbox == []
    delivery = WebhookDelivery.objects.get(case=case)
    assert (delivery.queue, delivery.event) == (housing_queue, "case.updated")
    assert delivery.payload["queue"] == "Housing"
    assert delivery.payload["update"]["kind"] == "transferred"
    assert (delivery.payload["update"]["queue_from"], delivery.payload["update"]["queue_to"]) == (
        "Waste",
        "Housing",
    )


def test_staff_without_the_permission_cannot_move_a_case(
    client, staff_permissions, misrouted, waste_officer, housing_queue
):
    sign_in_verified(client, waste_officer)
    page = client.get(reverse("cases:inspect", args=[misrouted.pk])).content.decode()
    assert "Move to another queue" not in page
    assert_denied(_transfer(client, misrouted, queue=housing_queue.pk, reason=REASON))
    misrouted.refresh_from_db()
    assert misrouted.queue.name == "Waste"
    with pytest.raises(PermissionDenied):
        misrouted.transfer(housing_queue, waste_officer, reason=REASON)


def test_the_permission_does_not_reach_cases_outside_the_users_queues(
    client, can_transfer, housing_officer, misrouted, housing_queue
):
    """Housing may move cases, but not one in Waste's queue: it is a 404, as if it did not exist."""
    sign_in_verified(client, housing_officer)
    response = _transfer(client, misrouted, queue=housing_queue.pk, reason=REASON)
    assert response.status_code == 404
    misrouted.refresh_from_db()
    assert misrouted.queue.name == "Waste"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"queue": "", "reason": REASON}, "Choose the queue to move the case to"),
        ({"queue": "HOUSING", "reason": ""}, "Enter why the case is moving to another queue"),
        ({"queue": "HOUSING", "reason": "   "}, "Enter why the case is moving to another queue"),
        (
            {"queue": "WASTE", "reason": REASON},
            "The case is already in Waste. Choose another queue.",
        ),
        ({"queue": "999999", "reason": REASON}, "Choose the queue to move the case to"),
    ],
)
def test_a_move_that_cannot_be_made_says_why_and_changes_nothing(
    client, can_transfer, misrouted, waste_officer, waste_queue, housing_queue, data, error
):
    queues = {"HOUSING": str(housing_queue.pk), "WASTE": str(waste_queue.pk)}
    data = {name: queues.get(value, value) for name, value in data.items()}
    sign_in_verified(client, waste_officer)
    response = _transfer(client, misrouted, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The case was not changed. Check the form below." in html
    assert error in html
    # What they typed is still there to correct.
    if data["reason"].strip():
        assert data["reason"] in html
    misrouted.refresh_from_db()
    assert (misrouted.queue, misrouted.assignee) == (waste_queue, waste_officer)
    assert not misrouted.updates.filter(kind=UpdateKind.TRANSFERRED).exists()


def test_the_form_offers_every_other_queue(
    client, can_transfer, misrouted, waste_officer, housing_queue
):
    sign_in_verified(client, waste_officer)
    form = client.get(reverse("cases:inspect", args=[misrouted.pk])).context["transfer_form"]
    offered = [label for value, label in form.fields["queue"].widget.choices if value != ""]
    assert offered == ["Housing"]


def test_a_finished_case_stays_where_it_is(can_transfer, waste_queue, housing_queue, waste_officer):
    case = make_case(waste_queue, "SHUT4444", status=CaseStatus.CLOSED)
    with pytest.raises(ValidationError, match="A case that is closed cannot move"):
        case.transfer(housing_queue, waste_officer, reason=REASON)
    assert Case.objects.get(pk=case.pk).queue == waste_queue


def test_a_move_to_a_queue_the_user_also_works_stays_on_the_case(
    client, can_transfer, misrouted, waste_officer, housing_group, housing_queue
):
    waste_officer.groups.add(housing_group)
    sign_in_verified(client, waste_officer)
    response = _transfer(client, misrouted, queue=housing_queue.pk, reason=REASON)
    assert response.url == reverse("cases:inspect", args=[misrouted.pk])


def test_the_teams_that_work_cases_are_given_the_permission(waste_group, staff_permissions):
    """The data migration gives it to every group that may change cases, and no other."""
    editors = Group.objects.create(name="Newsletter writers")
    migration = importlib.import_module("forms_app.cases.migrations.0009_transfer_staff")
    migration.grant(apps, None)
    assert waste_group.permissions.filter(codename="transfer_case").exists()
    assert not editors.permissions.filter(codename="transfer_case").exists()


def test_a_case_closed_meanwhile_is_not_moved_and_the_page_says_why(
    client, can_transfer, misrouted, waste_officer, housing_queue
):
    misrouted.status = CaseStatus.CLOSED
    misrouted.save()
    sign_in_verified(client, waste_officer)
    response = _transfer(client, misrouted, queue=housing_queue.pk, reason=REASON)
    assert response.status_code == 200
    assert "A case that is closed cannot move to another queue." in response.content.decode()
    misrouted.refresh_from_db()
    assert misrouted.queue.name == "Waste"


def test_the_receiving_teams_email_is_told_of_a_case_moved_to_it(
    can_transfer, waste_officer, waste_queue, housing_queue
):
    housing_queue.team_email = "housing-team@council.example"
    housing_queue.save()
    case = make_case(waste_queue, "RPRB3456", resident_email="dewi@example.com")
    case.transfer(housing_queue, waste_officer, reason=REASON)
    assert list(Notification.objects.filter(case=case).values_list("kind", "recipient")) == [
        ("team_new_case", "housing-team@council.example")
    ]
