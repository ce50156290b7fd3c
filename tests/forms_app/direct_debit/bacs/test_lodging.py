"""Producing AUDDIS files: pending instructions lodged (0N), requested cancellations sent (0C),
each exactly once, and lodged ones taken as accepted after the AUDDIS report period."""

import datetime

from django.core.management import call_command
from django.db import connection

import pytest
import time_machine
from cryptography.fernet import Fernet

from forms_app.cases.models import CaseLogEntry
from forms_app.direct_debit.bacs.enums import TransactionCode
from forms_app.direct_debit.bacs.lodging import NotReady, activate_accepted, produce_files
from forms_app.direct_debit.bacs.models import AuddisFile, BacsSettings
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.fields import _fernet
from tests.factories.direct_debit import InstructionFactory

pytestmark = pytest.mark.django_db

# A Monday, so working days are simple to count.
MONDAY = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def ready(revenues_queue, bacs_settings):
    pass


def data_records(auddis_file):
    return [line for line in auddis_file.content.split("\r\n") if len(line) == 100]


@time_machine.travel(MONDAY, tick=False)
def test_pending_instructions_are_lodged_once_as_0n(revenues_officer):
    first, second = InstructionFactory(), InstructionFactory(account_name="Siân Ŵyn")
    outcome = produce_files(user=revenues_officer)

    (auddis_file,) = outcome.files
    assert (auddis_file.serial, auddis_file.new_count, auddis_file.cancel_count) == (1, 2, 0)
    assert auddis_file.processing_date == datetime.date(2026, 12, 1)
    assert auddis_file.created_by == revenues_officer
    records = data_records(auddis_file)
    assert [record[15:17] for record in records] == ["0N", "0N"]
    assert {record[64:82].strip() for record in records} == {first.reference, second.reference}
    assert "SIAN WYN" in auddis_file.content
    for instruction in (first, second):
        instruction.refresh_from_db()
        assert instruction.status == InstructionStatus.LODGED
        assert instruction.auddis_entries.get().transaction_code == TransactionCode.NEW
    # Recorded on the case, as every status change is.
    assert CaseLogEntry.objects.filter(object_id=str(first.case.pk), action="direct_debit.status")

    # Pressing the button again sends nothing more.
    assert produce_files(user=revenues_officer).files == []
    assert AuddisFile.objects.count() == 1


@time_machine.travel(MONDAY, tick=False)
def test_a_requested_cancellation_goes_as_0c_once_and_the_instruction_is_cancelled():
    lodged = InstructionFactory(status=InstructionStatus.LODGED)
    active = InstructionFactory(status=InstructionStatus.ACTIVE)
    pending = InstructionFactory()
    for instruction in (lodged, active, pending):
        instruction.request_cancellation(reason="Resident asked")
    pending.refresh_from_db()
    assert pending.status == InstructionStatus.CANCELLED  # never at the bank: nothing to send

    (auddis_file,) = produce_files().files
    assert (auddis_file.new_count, auddis_file.cancel_count) == (0, 2)
    assert sorted(record[64:82].strip() for record in data_records(auddis_file)) == sorted(
        [lodged.reference, active.reference]
    )
    for instruction in (lodged, active):
        instruction.refresh_from_db()
        assert instruction.status == InstructionStatus.CANCELLED
    assert produce_files().files == []


@time_machine.travel(MONDAY, tick=False)
def test_files_are_numbered_one_after_another_and_one_per_service_user():
    InstructionFactory()
    assert [f.serial for f in produce_files().files] == [1]
    InstructionFactory()
    assert [f.serial for f in produce_files().files] == [2]


@time_machine.travel(MONDAY, tick=False)
def test_no_file_without_the_councils_bank_details():
    bacs_settings = BacsSettings.load()
    bacs_settings.originating_account_number = ""
    bacs_settings.save()
    instruction = InstructionFactory()
    with pytest.raises(NotReady):
        produce_files()
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.PENDING


@time_machine.travel(MONDAY, tick=False)
def test_an_instruction_the_bank_would_refuse_is_left_out_and_named():
    good = InstructionFactory()
    bad = InstructionFactory(account_number="123")
    outcome = produce_files()
    assert outcome.files[0].new_count == 1
    assert [reference for reference, _why in outcome.left_out] == [bad.reference]
    bad.refresh_from_db()
    good.refresh_from_db()
    assert (good.status, bad.status) == (InstructionStatus.LODGED, InstructionStatus.PENDING)


def test_lodged_instructions_become_active_five_working_days_after_processing():
    with time_machine.travel(MONDAY, tick=False):
        instruction = InstructionFactory()
        produce_files()  # processed on Tuesday 1 December
    with time_machine.travel(datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)):
        assert activate_accepted() == 0  # a rejection may still come
    with time_machine.travel(datetime.datetime(2026, 12, 8, 12, tzinfo=datetime.UTC)):
        assert activate_accepted() == 1
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.ACTIVE


@time_machine.travel(MONDAY, tick=False)
def test_the_command_writes_the_file(tmp_path, capsys):
    InstructionFactory()
    call_command("auddis_file", "--output", str(tmp_path))
    (written,) = tmp_path.iterdir()
    assert written.name == "auddis-123456-000001.txt"
    assert written.read_bytes() == AuddisFile.objects.get().content.encode("ascii")
    assert "1 new instruction" in capsys.readouterr().out
    call_command("auddis_file", "--output", str(tmp_path))
    assert "Nothing to send" in capsys.readouterr().out


@time_machine.travel(MONDAY, tick=False)
def test_kept_files_are_encrypted_and_follow_a_key_rotation(settings):
    InstructionFactory()
    (auddis_file,) = produce_files().files
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM bacs_auddisfile WHERE id = %s", [auddis_file.pk])
        stored = cursor.fetchone()[0]
    assert "66374958" not in stored and "VOL1" not in stored

    old = settings.DIRECT_DEBIT_KEYS[0]
    new = Fernet.generate_key().decode()
    settings.DIRECT_DEBIT_KEYS = [new, old]
    _fernet.cache_clear()
    call_command("rotate_bacs_file_keys")
    settings.DIRECT_DEBIT_KEYS = [new]
    _fernet.cache_clear()
    try:
        assert AuddisFile.objects.get().content == auddis_file.content
    finally:
        settings.DIRECT_DEBIT_KEYS = [old]
        _fernet.cache_clear()
