"""The instruction: statuses only as the table allows, bank details encrypted and masked."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

import pytest
from cryptography.fernet import Fernet

from forms_app.cases.models import CaseLogEntry, Queue
from forms_app.direct_debit.confirmation import first_collection_date
from forms_app.direct_debit.enums import TRANSITIONS, InstructionStatus
from forms_app.direct_debit.fields import _fernet
from forms_app.direct_debit.models import Instruction
from forms_app.direct_debit.references import is_valid_bacs_reference
from tests.factories import UserFactory
from tests.factories.direct_debit import InstructionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_queue(db):
    return Queue.objects.get_or_create(name="Revenues", defaults={"is_default": True})[0]


def _raw(instruction, column):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM direct_debit_instruction WHERE id = %s",  # noqa: S608
            [instruction.pk],
        )
        return cursor.fetchone()[0]


def test_a_new_instruction_has_a_bacs_reference_and_waits_to_be_lodged():
    instruction = InstructionFactory()
    assert is_valid_bacs_reference(instruction.reference)
    assert instruction.status == InstructionStatus.PENDING


def test_bank_details_are_encrypted_in_the_database_and_read_back_whole():
    instruction = InstructionFactory(sort_code="089999", account_number="66374958")
    assert "66374958" not in _raw(instruction, "account_number")
    assert "089999" not in _raw(instruction, "sort_code")
    again = Instruction.objects.get(pk=instruction.pk)
    assert (again.sort_code, again.account_number) == ("089999", "66374958")


def test_bank_details_are_shown_masked_to_the_last_two_digits():
    instruction = InstructionFactory(sort_code="089999", account_number="66374958")
    assert instruction.masked_account_number == "Ending 58"
    assert instruction.masked_sort_code == "Ending 99"


def test_rotating_keys_keeps_old_rows_readable_and_reencrypts_them_with_the_newest(settings):
    old_key = settings.DIRECT_DEBIT_KEYS[0]
    instruction = InstructionFactory(account_number="66374958")
    new_key = Fernet.generate_key().decode()
    settings.DIRECT_DEBIT_KEYS = [new_key, old_key]
    _fernet.cache_clear()
    # Before the command: still readable, still under the old key.
    assert Instruction.objects.get(pk=instruction.pk).account_number == "66374958"
    Fernet(old_key.encode()).decrypt(_raw(instruction, "account_number").encode())

    call_command("rotate_direct_debit_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115

    token = _raw(instruction, "account_number")
    assert Fernet(new_key.encode()).decrypt(token.encode()) == b"66374958"
    settings.DIRECT_DEBIT_KEYS = [new_key]
    _fernet.cache_clear()
    assert Instruction.objects.get(pk=instruction.pk).account_number == "66374958"


def test_every_status_change_outside_the_table_is_refused():
    for current in InstructionStatus:
        for to in InstructionStatus:
            instruction = InstructionFactory(status=current)
            if to in TRANSITIONS[current]:
                instruction.change_status(to)
                instruction.refresh_from_db()
                assert instruction.status == to
            else:
                with pytest.raises(ValidationError):
                    instruction.change_status(to)
                instruction.refresh_from_db()
                assert instruction.status == current


def test_a_status_change_is_recorded_on_the_case_and_in_its_audit_log():
    officer = UserFactory()
    instruction = InstructionFactory()
    instruction.change_status(InstructionStatus.LODGED, by=officer, reason="In file 1.")
    note = instruction.case.updates.last()
    assert "sent to the bank" in note.text and "In file 1." in note.text
    entry = CaseLogEntry.objects.get(case=instruction.case, action="direct_debit.status")
    assert entry.user == officer
    assert entry.data == {"reference": instruction.reference, "from": "pending", "to": "lodged"}


def test_cancelling_a_pending_instruction_cancels_it_at_once():
    instruction = InstructionFactory()
    instruction.request_cancellation(reason="Resident phoned.")
    assert instruction.status == InstructionStatus.CANCELLED
    assert instruction.cancel_requested_at is None


def test_cancelling_one_the_bank_holds_waits_for_the_next_file():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    instruction.request_cancellation()
    assert instruction.status == InstructionStatus.ACTIVE
    assert list(Instruction.objects.awaiting_cancellation()) == [instruction]
    instruction.change_status(InstructionStatus.CANCELLED)
    assert not Instruction.objects.awaiting_cancellation().exists()


def test_replacing_bank_details_records_only_the_masked_number():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    instruction.replace_bank_details("202959", "63748472", reason="ADDACS code C.")
    instruction.refresh_from_db()
    assert (instruction.sort_code, instruction.account_number) == ("202959", "63748472")
    note = instruction.case.updates.last().text
    assert "Ending 72" in note and "63748472" not in note
    entries = CaseLogEntry.objects.filter(case=instruction.case)
    assert all("63748472" not in str(entry.data) for entry in entries)


def test_the_first_collection_gives_10_working_days_notice_around_bank_holidays():
    # Friday 18 December 2026: Christmas, Boxing Day (on Monday 28th) and New Year's Day
    # do not count.
    confirmed = datetime.date(2026, 12, 18)
    assert first_collection_date(confirmed) == datetime.date(2027, 1, 6)
    # The payer chose the 15th: the first 15th after the notice.
    assert first_collection_date(confirmed, "15") == datetime.date(2027, 1, 15)
    # The 1st: 1 February, since 1 January is too soon.
    assert first_collection_date(confirmed, "1") == datetime.date(2027, 2, 1)


@pytest.mark.parametrize(
    ("confirmed", "payment_day", "first"),
    [
        # Christmas Eve: Christmas, Boxing Day (Monday 28th) and New Year's Day do not count.
        (datetime.date(2026, 12, 24), None, datetime.date(2027, 1, 12)),
        (datetime.date(2026, 12, 24), "15", datetime.date(2027, 1, 15)),
        (datetime.date(2026, 12, 24), "12", datetime.date(2027, 1, 12)),  # exactly 10 days
        (datetime.date(2026, 12, 24), "11", datetime.date(2027, 2, 11)),  # 9: too soon
        # Between Christmas and New Year: the notice ends on Thursday 14 January.
        (datetime.date(2026, 12, 30), "14", datetime.date(2027, 1, 14)),
        # 13 February 2027 is a Saturday: the collection moves to the Monday.
        (datetime.date(2026, 12, 30), "13", datetime.date(2027, 2, 15)),
        # Signed up on a bank holiday: the notice starts the next working day.
        (datetime.date(2027, 1, 1), None, datetime.date(2027, 1, 15)),
        # The 31st in a month without one: that month's last day, a working day...
        (datetime.date(2027, 4, 1), "31", datetime.date(2027, 4, 30)),
        # ... or, on a weekend, the next working day (Sunday 28 February 2027).
        (datetime.date(2027, 2, 1), "31", datetime.date(2027, 3, 1)),
    ],
)
def test_the_first_collection_is_the_first_chosen_day_at_least_10_working_days_away(
    confirmed, payment_day, first
):
    assert first_collection_date(confirmed, payment_day) == first
