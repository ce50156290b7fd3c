"""Importing the bank's reports: reason codes applied as the reference's table says, nothing
guessed, and the same report never applied twice."""

import datetime

from django.core.management import CommandError, call_command

import pytest
import time_machine

from forms_app.direct_debit.bacs.enums import LineOutcome, TransactionCode
from forms_app.direct_debit.bacs.importing import AlreadyImported, import_report
from forms_app.direct_debit.bacs.lodging import produce_files
from forms_app.direct_debit.bacs.models import BankReport, BankReportLine
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from tests.factories.direct_debit import InstructionFactory

pytestmark = pytest.mark.django_db

HEADER = "report_type,date,reference,reason_code,new_sort_code,new_account_number,new_account_name"
NOW = datetime.datetime(2026, 12, 2, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def ready(revenues_queue, bacs_settings):
    with time_machine.travel(NOW, tick=False):
        yield


def report(*lines):
    return "\n".join([HEADER, *lines, ""]).encode()


def refreshed(instruction):
    return Instruction.objects.get(pk=instruction.pk)


def only_line(bank_report):
    (line,) = bank_report.lines.all()
    return line


def test_code_1_cancelled_by_payer_cancels_without_a_0c():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    imported = import_report(report(f"ADDACS,2026-12-02,{instruction.reference},1,,,"))
    assert only_line(imported).outcome == LineOutcome.APPLIED
    assert refreshed(instruction).status == InstructionStatus.CANCELLED
    # The bank already knows: the next file carries no 0C for it.
    assert produce_files().files == []


def test_code_b_account_closed_cancels_even_a_cancellation_we_were_about_to_send():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    instruction.request_cancellation()
    import_report(report(f"ADDACS,2026-12-02,{instruction.reference},B,,,"))
    instruction = refreshed(instruction)
    assert instruction.status == InstructionStatus.CANCELLED
    assert instruction.cancel_requested_at is None
    assert produce_files().files == []


def test_code_3_new_bank_applies_the_details_and_lodges_a_0n_only():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    import_report(report(f"ADDACS,2026-12-02,{instruction.reference},3,40-12-76,41234567,NEW NAME"))
    instruction = refreshed(instruction)
    assert (instruction.sort_code, instruction.account_number) == ("401276", "41234567")
    assert instruction.account_name == "NEW NAME"
    assert instruction.status == InstructionStatus.PENDING

    (auddis_file,) = produce_files().files
    assert (auddis_file.new_count, auddis_file.cancel_count) == (1, 0)
    assert auddis_file.entries.get().transaction_code == TransactionCode.NEW
    assert "40127641234567" in auddis_file.content


def test_code_c_new_branch_applies_the_details_and_sends_nothing_back():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    imported = import_report(
        report(f"ADDACS,2026-12-02,{instruction.reference},C,401276,41234567,")
    )
    instruction = refreshed(instruction)
    assert (instruction.sort_code, instruction.account_number) == ("401276", "41234567")
    assert instruction.account_name == "S JONES"
    assert instruction.status == InstructionStatus.ACTIVE
    assert produce_files().files == []
    # Staff read the line with the account number masked.
    assert "41234567" not in only_line(imported).text


def test_code_c_without_new_details_is_not_applied():
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    line = only_line(import_report(report(f"ADDACS,2026-12-02,{instruction.reference},C,,,")))
    assert line.outcome == LineOutcome.NOT_APPLIED
    assert refreshed(instruction).account_number == "66374958"


def test_code_r_reinstated_makes_a_cancelled_instruction_active_with_nothing_sent():
    instruction = InstructionFactory(status=InstructionStatus.CANCELLED)
    import_report(report(f"ADDACS,2026-12-02,{instruction.reference},R,,,"))
    assert refreshed(instruction).status == InstructionStatus.ACTIVE
    assert produce_files().files == []


def test_code_r_for_an_instruction_whose_bank_details_were_removed_is_left_to_staff():
    instruction = InstructionFactory(
        status=InstructionStatus.CANCELLED,
        sort_code="",
        account_number="",
        bank_details_removed_at=NOW - datetime.timedelta(days=400),
    )
    line = only_line(import_report(report(f"ADDACS,2026-12-02,{instruction.reference},R,,,")))
    assert line.outcome == LineOutcome.NOT_APPLIED
    assert "its bank details were removed after it was cancelled" in line.message
    assert "Ask the payer to set up a new Direct Debit" in line.message
    assert refreshed(instruction).status == InstructionStatus.CANCELLED


def test_auddis_rejection_codes_reject_a_lodged_instruction():
    instruction = InstructionFactory(status=InstructionStatus.LODGED)
    import_report(report(f"AUDDIS,2026-12-02,{instruction.reference},5,,,"))
    assert refreshed(instruction).status == InstructionStatus.REJECTED


def test_unknown_references_codes_and_impossible_changes_are_listed_not_guessed():
    active = InstructionFactory(status=InstructionStatus.ACTIVE)
    imported = import_report(
        report(
            "ADDACS,2026-12-02,NOBODY123,1,,,",
            f"ADDACS,2026-12-02,{active.reference},Z,,,",
            f"ADDACS,2026-12-02,{active.reference},5,,,",  # an AUDDIS-only code
            f"AUDDIS,2026-12-02,{active.reference},5,,,",  # too late: already active
            "ADDACS,not a date,X,1,,,",
        )
    )
    lines = list(imported.lines.all())
    assert [line.outcome for line in lines] == [LineOutcome.NOT_APPLIED] * 5
    assert "No instruction has this reference" in lines[0].message
    assert "Z is not one we know" in lines[1].message
    assert "does not come on ADDACS" in lines[2].message
    assert "cannot become rejected" in lines[3].message
    assert lines[4].number == 6
    assert refreshed(active).status == InstructionStatus.ACTIVE


def test_re_importing_a_report_changes_nothing():
    instruction = InstructionFactory(status=InstructionStatus.CANCELLED)
    data = report(f"ADDACS,2026-12-02,{instruction.reference},R,,,")
    first = import_report(data)
    # Cancelled again by staff afterwards: the old report must not reinstate it a second time.
    instruction = refreshed(instruction)
    instruction.request_cancellation()
    produce_files()
    assert refreshed(instruction).status == InstructionStatus.CANCELLED

    with pytest.raises(AlreadyImported) as raised:
        import_report(data)
    assert raised.value.report == first
    assert refreshed(instruction).status == InstructionStatus.CANCELLED
    assert BankReport.objects.count() == 1

    # The same advice in another file (saved again with a different line ending) is not
    # applied again either.
    again = import_report(data.replace(b"\n", b"\r\n"))
    assert only_line(again).outcome == LineOutcome.ALREADY_APPLIED
    assert refreshed(instruction).status == InstructionStatus.CANCELLED
    assert BankReportLine.objects.filter(outcome=LineOutcome.APPLIED).count() == 1


def test_the_command_imports_and_lists_what_was_not_applied(tmp_path, capsys):
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    path = tmp_path / "addacs.csv"
    path.write_bytes(
        report(f"ADDACS,2026-12-02,{instruction.reference},1,,,", "ADDACS,2026-12-02,NOBODY1,1,,,")
    )
    call_command("import_bank_report", str(path))
    out = capsys.readouterr().out
    assert "1 applied" in out
    assert "Line 3" in out and "NOBODY1" in out
    assert refreshed(instruction).status == InstructionStatus.CANCELLED
    with pytest.raises(CommandError, match="already imported"):
        call_command("import_bank_report", str(path))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"hello\n")
    with pytest.raises(CommandError, match="Missing"):
        call_command("import_bank_report", str(bad))
