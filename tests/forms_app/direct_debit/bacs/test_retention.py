"""Bank details of a cancelled instruction go once it has been cancelled for the form's
retention period, in the daily retention run; the instruction and its history stay."""

import datetime

from django.db import connection

import pytest
import time_machine

from forms_app.cases.models import CaseLogEntry
from forms_app.cases.retention import run_retention
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
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
