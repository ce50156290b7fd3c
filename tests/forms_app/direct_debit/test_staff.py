"""Staff see the instruction on its case, masked, and may cancel it if they may change the case."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from forms_app.cases.models import CaseLogEntry
from forms_app.direct_debit.enums import InstructionStatus
from tests.factories import UserFactory
from tests.factories.casework import CaseFactory
from tests.factories.direct_debit import InstructionFactory
from tests.factories.users import sign_in_verified

from .conftest import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def instruction(revenues):
    return InstructionFactory(case=CaseFactory(), modulus_verdict="", status="active")


def _case_page(client, instruction):
    return client.get(reverse("cases:inspect", args=[instruction.case.pk]))


def test_the_case_page_shows_the_instruction_masked_with_its_check_and_confirmation(
    client, revenues_officer, instruction
):
    sign_in_verified(client, revenues_officer)
    response = _case_page(client, instruction)
    page = text(response)
    assert "Direct Debit instruction" in page
    assert instruction.reference in page
    assert "Ending 58" in page and "Ending 99" in page
    assert "66374958" not in response.content.decode()
    assert "Bank details check Unchecked" in page
    assert "online by the payer" in page
    assert "Cancel instruction" in page


def test_staff_who_may_only_view_the_case_get_no_cancel_button(client, revenues, instruction):
    viewer = UserFactory(username="viewer")
    group = Group.objects.create(name="Viewers")
    group.permissions.add(
        Permission.objects.get(codename="view_case"),
        Permission.objects.get(codename="access_admin"),
    )
    viewer.groups.add(group)
    revenues.group = group
    revenues.save()
    sign_in_verified(client, viewer)
    assert "Cancel instruction" not in text(_case_page(client, instruction))
    response = client.post(reverse("direct_debit:cancel", args=[instruction.pk]))
    # Wagtail's admin answers a refusal by sending them to the dashboard with a message.
    assert response.status_code == 302 and response.url == "/admin/"
    instruction.refresh_from_db()
    assert instruction.cancel_requested_at is None


def test_staff_outside_the_queue_cannot_cancel(client, instruction):
    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(
        Permission.objects.get(codename="change_case"),
        Permission.objects.get(codename="access_admin"),
    )
    sign_in_verified(client, outsider)
    response = client.post(reverse("direct_debit:cancel", args=[instruction.pk]))
    assert response.status_code == 404


def test_cancelling_an_active_instruction_marks_it_for_the_next_file(
    client, revenues_officer, instruction
):
    sign_in_verified(client, revenues_officer)
    response = client.post(
        reverse("direct_debit:cancel", args=[instruction.pk]),
        {"reason": "Resident phoned to cancel."},
        follow=True,
    )
    assert "will be cancelled at the bank in the next file" in text(response)
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.ACTIVE
    assert instruction.cancel_requested_at is not None
    assert "Cancel instruction" not in text(_case_page(client, instruction))
    assert CaseLogEntry.objects.filter(
        case=instruction.case, action="direct_debit.cancel_requested", user=revenues_officer
    ).exists()


def test_cancelling_a_pending_instruction_cancels_it_at_once(client, revenues_officer, revenues):
    instruction = InstructionFactory(case=CaseFactory())
    sign_in_verified(client, revenues_officer)
    client.post(reverse("direct_debit:cancel", args=[instruction.pk]))
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.CANCELLED


def test_editors_can_edit_the_sign_up_page_and_its_bank_approved_wording(client, dd_page):
    sign_in_verified(client, UserFactory(username="editor", is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[dd_page.pk]))
    assert response.status_code == 200
    page = text(response)
    for label in ("The Direct Debit Guarantee", "Service user number (SUN)", "Payment days"):
        assert label.lower() in page.lower()
    add = reverse(
        "wagtailadmin_pages:add",
        args=["direct_debit", "directdebitpage", dd_page.get_parent().pk],
    )
    assert client.get(add).status_code == 200
