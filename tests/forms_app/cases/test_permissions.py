"""Staff see only their own queues' cases, in every view: list, page, actions, files, export,
search, dashboard and bulk actions. An out-of-scope case is a 404, exactly like a missing one.

The acceptance point from the issue: a resident's missed-bin report appears in the Waste queue with
a due date; waste_officer sees and works it; housing_officer gets 404/403 on its detail URL, its
file, the export and search.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from forms_app.cases.enums import CaseStatus, UpdateKind
from forms_app.cases.models import Case, CaseLogEntry
from forms_app.cases.panels import queue_counts
from forms_app.cases.working_days import add_working_days
from tests.factories import UserFactory
from tests.factories.users import sign_in_verified

from . import test_admin
from .test_admin import (
    INDEX,
    PHOTO,
    assert_denied,
    export_rows,
    grant,
    listed_references,
    make_case,
)

# Fixtures shared with test_admin.py (conftest.py belongs to the casework core).
bin_report = test_admin.bin_report
missed_bin = test_admin.missed_bin
private_media = test_admin.private_media
staff_permissions = test_admin.staff_permissions

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(client, staff_permissions):
    def login(user):
        sign_in_verified(client, user)
        return client

    return login


@pytest.fixture
def housing_case(housing_queue):
    return make_case(housing_queue, "HSNG2222", summary="Report a repair")


def test_acceptance_missed_bin_report_is_worked_by_waste_and_hidden_from_housing(
    as_user, bin_report, waste_queue, waste_officer, housing_officer
):
    # A resident's missed-bin report appears in the Waste queue with a due date...
    assert bin_report.queue == waste_queue
    assert bin_report.due_date == add_working_days(bin_report.created_at.date(), 2)
    detail = reverse("cases:inspect", args=[bin_report.pk])
    photo = reverse("cases:file", args=[bin_report.pk, PHOTO])

    # ...waste_officer sees and works it...
    client = as_user(waste_officer)
    assert listed_references(client.get(INDEX)) == ["HT7K9QWX"]
    assert client.get(detail).status_code == 200
    assert client.get(photo).status_code == 200
    client.post(reverse("cases:assign_to_me", args=[bin_report.pk]))
    client.post(
        reverse("cases:status", args=[bin_report.pk]),
        {"status-status": "in_progress", "status-audience": "internal", "status-text": "Crew"},
    )
    bin_report.refresh_from_db()
    assert (bin_report.assignee, bin_report.status) == (waste_officer, CaseStatus.IN_PROGRESS)

    # ...housing_officer gets a 404 on its page and its file, and it is in neither their
    # export nor their search.
    client = as_user(housing_officer)
    assert client.get(detail).status_code == 404
    assert client.get(photo).status_code == 404
    _header, *rows = export_rows(client.get(INDEX, {"export": "csv"}))
    assert rows == []
    assert listed_references(client.get(INDEX, {"q": "HT7K 9QWX"})) == []
    assert listed_references(client.get(INDEX, {"q": "Alys"})) == []
    assert "HT7K" not in client.get(INDEX).content.decode()


def test_the_list_and_the_page_agree(as_user, bin_report, housing_case, housing_officer):
    """django-helpdesk #1413/#1423: what the list shows and what the page opens must match."""
    client = as_user(housing_officer)
    listed = listed_references(client.get(INDEX))
    assert listed == [housing_case.reference]
    for case in Case.objects.all():
        status = client.get(reverse("cases:inspect", args=[case.pk])).status_code
        assert status == (200 if case.reference in listed else 404)


def test_an_out_of_scope_case_looks_exactly_like_a_missing_one(
    as_user, bin_report, housing_officer
):
    client = as_user(housing_officer)
    real = client.get(reverse("cases:inspect", args=[bin_report.pk]))
    missing = client.get(reverse("cases:inspect", args=[bin_report.pk + 1000]))
    assert real.status_code == missing.status_code == 404


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("assign_to_me", {}),
        ("assign", {"assign-assignee": ""}),
        ("status", {"status-status": "resolved", "status-audience": "internal"}),
        ("note", {"note-audience": "internal", "note-text": "Mine now"}),
    ],
)
def test_every_action_on_another_teams_case_is_a_404_and_changes_nothing(
    as_user, bin_report, housing_officer, name, data
):
    client = as_user(housing_officer)
    response = client.post(reverse(f"cases:{name}", args=[bin_report.pk]), data)
    assert response.status_code == 404
    bin_report.refresh_from_db()
    assert bin_report.status == CaseStatus.NEW
    assert bin_report.assignee is None
    assert list(bin_report.updates.values_list("kind", flat=True)) == [UpdateKind.CREATED]
    assert not CaseLogEntry.objects.filter(case=bin_report, user=housing_officer).exists()


def test_a_case_cannot_be_assigned_to_someone_outside_its_team(
    as_user, bin_report, waste_officer, housing_officer
):
    client = as_user(waste_officer)
    client.post(
        reverse("cases:assign", args=[bin_report.pk]), {"assign-assignee": housing_officer.pk}
    )
    bin_report.refresh_from_db()
    assert bin_report.assignee is None


def test_another_teams_file_is_a_404_and_is_not_logged(as_user, bin_report, housing_officer):
    client = as_user(housing_officer)
    assert client.get(reverse("cases:file", args=[bin_report.pk, PHOTO])).status_code == 404
    assert not CaseLogEntry.objects.filter(action="cases.file_download").exists()


def test_export_has_only_the_users_own_queues(
    as_user, bin_report, housing_case, waste_officer, housing_officer
):
    _header, *rows = export_rows(as_user(housing_officer).get(INDEX, {"export": "csv"}))
    assert [row[0] for row in rows] == ["HSNG 2222"]
    _header, *rows = export_rows(as_user(waste_officer).get(INDEX, {"export": "csv"}))
    assert [row[0] for row in rows] == ["HT7K 9QWX"]


def test_filtering_by_another_teams_queue_reveals_nothing(
    as_user, bin_report, housing_case, housing_officer, waste_queue
):
    client = as_user(housing_officer)
    response = client.get(INDEX, {"queue": waste_queue.pk})
    assert "HT7K" not in response.content.decode()
    # The queue is not even offered as a choice.
    choices = [str(queue) for queue in response.context["filters"].form.fields["queue"].queryset]
    assert choices == ["Housing"]
    _header, *rows = export_rows(client.get(INDEX, {"export": "csv", "queue": waste_queue.pk}))
    assert "HT7K 9QWX" not in [row[0] for row in rows]


def test_another_team_is_not_offered_as_assignees(
    as_user, bin_report, housing_officer, waste_officer
):
    response = as_user(housing_officer).get(INDEX)
    offered = dict(response.context["filters"].form.fields["assignee"].choices)
    assert str(waste_officer.pk) not in offered
    assert waste_officer not in response.context["bulk_form"].fields["assignee"].queryset


def test_bulk_actions_skip_cases_outside_the_users_scope(
    as_user, bin_report, housing_case, housing_officer
):
    client = as_user(housing_officer)
    for action in ("assign_to_me", "close"):
        response = client.post(
            reverse("cases:bulk"),
            {"action": action, "case": [bin_report.pk, housing_case.pk]},
            follow=True,
        )
        shown = [str(message).strip() for message in response.context["messages"]]
        assert "1 selected case could not be found." in shown
    bin_report.refresh_from_db()
    assert bin_report.assignee is None
    assert bin_report.status == CaseStatus.NEW
    assert list(bin_report.updates.values_list("kind", flat=True)) == [UpdateKind.CREATED]
    housing_case.refresh_from_db()
    assert housing_case.assignee == housing_officer


def test_bulk_assign_to_another_teams_officer_is_refused(
    as_user, housing_case, housing_officer, waste_officer
):
    client = as_user(housing_officer)
    client.post(
        reverse("cases:bulk"),
        {"action": "assign", "assignee": waste_officer.pk, "case": [housing_case.pk]},
    )
    housing_case.refresh_from_db()
    assert housing_case.assignee is None


def test_dashboard_counts_only_the_users_queues(
    as_user, bin_report, housing_case, housing_officer, waste_officer
):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Case.objects.filter(pk=bin_report.pk).update(due_date=yesterday)
    assert [(queue.name, count) for queue, count in queue_counts(housing_officer)] == [
        ("Housing", {"new": 1, "open": 1, "overdue": 0})
    ]
    assert [(queue.name, count) for queue, count in queue_counts(waste_officer)] == [
        ("Waste", {"new": 1, "open": 1, "overdue": 1})
    ]
    html = as_user(housing_officer).get(reverse("wagtailadmin_home")).content.decode()
    assert "Your queues" in html
    assert "Waste" not in html


def test_superusers_see_every_queue(client, bin_report, housing_case, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.com", "x")
    sign_in_verified(client, boss)
    assert set(listed_references(client.get(INDEX))) == {"HT7K9QWX", "HSNG2222"}
    assert client.get(reverse("cases:inspect", args=[bin_report.pk])).status_code == 200
    assert [queue.name for queue, _count in queue_counts(boss)] == ["Housing", "Waste"]
    assert client.get(reverse("queues:index")).status_code == 200


def test_staff_without_the_case_permission_see_no_menu_and_no_cases(
    client, waste_group, waste_officer, bin_report
):
    grant(waste_group, "wagtailadmin.access_admin")
    sign_in_verified(client, waste_officer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Casework" not in home
    assert "Your queues" not in home
    assert_denied(client.get(INDEX))
    # Their own team's case, but without the permission to see cases.
    assert_denied(client.get(reverse("cases:inspect", args=[bin_report.pk])))
    assert_denied(client.get(reverse("cases:file", args=[bin_report.pk, PHOTO])))
    response = client.post(reverse("cases:bulk"), {"action": "assign_to_me", "case": [1]})
    assert_denied(response)
    bin_report.refresh_from_db()
    assert bin_report.assignee is None


def test_staff_outside_every_queue_see_an_empty_list(client, bin_report, django_user_model):
    stranger = UserFactory(username="stranger")
    grant(stranger, "wagtailadmin.access_admin", "cases.view_case", "cases.change_case")
    sign_in_verified(client, stranger)
    assert listed_references(client.get(INDEX)) == []
    assert client.get(reverse("cases:inspect", args=[bin_report.pk])).status_code == 404


def test_people_not_signed_in_are_sent_to_sign_in(client, bin_report):
    for url in (
        INDEX,
        reverse("cases:inspect", args=[bin_report.pk]),
        reverse("cases:file", args=[bin_report.pk, PHOTO]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
    response = client.post(reverse("cases:assign_to_me", args=[bin_report.pk]))
    assert response.status_code == 302
    bin_report.refresh_from_db()
    assert bin_report.assignee is None


def test_officers_cannot_manage_queues_or_routing(as_user, waste_officer):
    client = as_user(waste_officer)
    assert_denied(client.get("/admin/casework/queues/"))
    assert_denied(client.get("/admin/casework/routing-rules/"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Routing rules" not in home


def test_nobody_adds_or_deletes_cases_in_the_admin(client, django_user_model, bin_report):
    from forms_app.cases.permissions import case_permission_policy

    boss = django_user_model.objects.create_superuser("boss", "boss@example.com", "x")
    assert not case_permission_policy.user_has_permission(boss, "add")
    assert not case_permission_policy.user_has_permission(boss, "delete")
    sign_in_verified(client, boss)
    assert client.get(f"{INDEX}new/").status_code == 404
    assert client.get(f"{INDEX}delete/{bin_report.pk}/").status_code == 404


def test_the_policy_combines_the_permission_and_the_scope(
    bin_report, waste_officer, housing_officer, staff_permissions
):
    from forms_app.cases.permissions import case_permission_policy as policy

    assert policy.user_has_permission_for_instance(waste_officer, "change", bin_report)
    assert not policy.user_has_permission_for_instance(housing_officer, "change", bin_report)
    assert list(policy.instances_user_has_any_permission_for(housing_officer, ["view"])) == []
    assert set(policy.users_with_any_permission_for_instance(["change"], bin_report)) == {
        waste_officer
    }
