"""Bank details of a cancelled instruction go once it has been cancelled for the form's
retention period, in the daily retention run; the instruction and its history stay."""

import datetime

from django.db import connection
from django.utils import timezone

from wagtail.log_actions import log

import pytest
import time_machine

from forms_app.cases.enums import CaseStatus, UpdateKind
from forms_app.cases.models import Case, CaseLogEntry
from forms_app.cases.retention import anonymise_case, run_retention
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from tests.factories.casework import CaseFactory
from tests.factories.direct_debit import InstructionFactory

pytestmark = pytest.mark.django_db

CANCELLED = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def ready(revenues_queue):
    pass


def raw_account_number(instruction):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT account_number FROM direct_debit_instruction WHERE id = %s",
            [instruction.pk],
        )
        return cursor.fetchone()[0]


def cancelled_instruction(retention_days=30, **fields):
    with time_machine.travel(CANCELLED - datetime.timedelta(days=100), tick=False):
        instruction = InstructionFactory(status=InstructionStatus.ACTIVE, **fields)
        instruction.case.retention_days = retention_days
        instruction.case.save(update_fields=["retention_days"])
    with time_machine.travel(CANCELLED, tick=False):
        instruction.change_status(InstructionStatus.CANCELLED, reason="Payer cancelled")
    return instruction


def test_bank_details_go_once_cancelled_for_the_retention_period():
    instruction = cancelled_instruction(retention_days=30)
    active = InstructionFactory(status=InstructionStatus.ACTIVE)

    with time_machine.travel(CANCELLED + datetime.timedelta(days=29), tick=False):
        run_retention()
    assert Instruction.objects.get(pk=instruction.pk).account_number == "66374958"

    with time_machine.travel(CANCELLED + datetime.timedelta(days=31), tick=False):
        run_retention()
    removed = Instruction.objects.get(pk=instruction.pk)
    assert (removed.sort_code, removed.account_number, removed.account_name) == ("", "", "")
    assert removed.bank_details_removed_at == CANCELLED + datetime.timedelta(days=31)
    assert not raw_account_number(removed)
    # The instruction and its audit trail stay.
    assert removed.reference == instruction.reference
    assert removed.status == InstructionStatus.CANCELLED
    actions = set(
        CaseLogEntry.objects.filter(object_id=str(instruction.case_id)).values_list(
            "action", flat=True
        )
    )
    assert {"direct_debit.status", "direct_debit.bank_details_removed"} <= actions
    assert removed.case.updates.filter(text__contains="bank details removed").count() == 1
    # Instructions still in force keep theirs.
    assert Instruction.objects.get(pk=active.pk).account_number == "66374958"

    # A second run changes nothing more.
    with time_machine.travel(CANCELLED + datetime.timedelta(days=40), tick=False):
        run_retention()
    assert removed.case.updates.filter(text__contains="bank details removed").count() == 1


def test_the_clock_starts_at_cancellation_not_at_sign_up():
    instruction = cancelled_instruction(retention_days=90)
    # 190 days after sign-up but only 89 after the cancellation.
    with time_machine.travel(CANCELLED + datetime.timedelta(days=89), tick=False):
        run_retention()
    assert Instruction.objects.get(pk=instruction.pk).account_number == "66374958"


def closed_long_ago(instruction, days=400):
    """The instruction's case, closed `days` ago and kept for 30: due for anonymising."""
    Case.objects.filter(pk=instruction.case_id).update(
        status=CaseStatus.CLOSED,
        closed_at=timezone.now() - datetime.timedelta(days=days),
        retention_days=30,
        resident_name="Sam Jones",
    )


@pytest.mark.parametrize("status", [InstructionStatus.CANCELLED, InstructionStatus.REJECTED])
def test_anonymising_the_case_of_a_finished_instruction_removes_the_payer(status):
    instruction = InstructionFactory(status=status, confirmed_ip="192.0.2.7")
    with time_machine.travel(CANCELLED, tick=False):
        instruction.case.updates.create(kind=UpdateKind.NOTE, text="Status note")
        log(instruction.case, "direct_debit.status", data={"reference": instruction.reference})
    closed_long_ago(instruction)

    run_retention()

    case = Case.objects.get(pk=instruction.case_id)
    assert case.anonymised_at is not None
    gone = Instruction.objects.get(pk=instruction.pk)
    assert (gone.payer_name, gone.payer_address, gone.payer_email) == ("", "", "")
    assert (gone.account_name, gone.sort_code, gone.account_number) == ("", "", "")
    assert gone.account_reference == "" and gone.confirmed_ip is None
    assert not raw_account_number(gone)
    assert gone.bank_details_removed_at == case.anonymised_at
    # What it was and what happened to it stay.
    assert gone.reference == instruction.reference
    assert gone.status == status
    actions = set(
        CaseLogEntry.objects.filter(object_id=str(case.pk)).values_list("action", flat=True)
    )
    assert {"direct_debit.status", "direct_debit.anonymised"} <= actions
    assert case.updates.count() >= 2


@pytest.mark.parametrize(
    "status", [InstructionStatus.PENDING, InstructionStatus.LODGED, InstructionStatus.ACTIVE]
)
def test_retention_keeps_the_case_of_an_instruction_still_in_force(status):
    instruction = InstructionFactory(status=status)
    closed_long_ago(instruction)
    plain = CaseFactory()
    Case.objects.filter(pk=plain.pk).update(
        status=CaseStatus.CLOSED,
        closed_at=timezone.now() - datetime.timedelta(days=400),
        retention_days=30,
    )

    run_retention()

    case = Case.objects.get(pk=instruction.case_id)
    assert case.anonymised_at is None and case.resident_name == "Sam Jones"
    kept = Instruction.objects.get(pk=instruction.pk)
    assert (kept.payer_name, kept.account_number) == ("Sam Jones", "66374958")
    # Other cases past their time still go.
    assert Case.objects.get(pk=plain.pk).anonymised_at is not None


def test_an_instruction_in_force_is_left_alone_even_if_its_case_is_anonymised():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    anonymise_case(instruction.case)
    kept = Instruction.objects.get(pk=instruction.pk)
    assert (kept.payer_name, kept.payer_email, kept.account_number) == (
        "Sam Jones",
        "sam@example.com",
        "66374958",
    )
