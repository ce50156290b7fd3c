"""Reading the documented report CSV, and the reason-code table."""

import datetime

import pytest

from forms_app.direct_debit.bacs.enums import ReasonAction, TransactionCode
from forms_app.direct_debit.bacs.reasons import REASONS, reason_for
from forms_app.direct_debit.bacs.reports import ReportFormatError, digest, parse_report

REPORT = (
    b"report_type,date,reference,reason_code,new_sort_code,new_account_number,new_account_name\r\n"
    b"ADDACS,2026-11-30,glan 0001 2345,1,,,\r\n"
    b"addacs,30/11/2026,GLAN00012346,c,40-12-76,4123 4567,  J   SMITH \r\n"
    b"\r\n"
    b"BACS,2026-11-30,GLAN00012347,1,,,\r\n"
    b"AUDDIS,yesterday,GLAN00012348,5,,,\r\n"
)


def test_lines_are_read_with_their_fields():
    first, second, wrong_type, wrong_date = parse_report(REPORT)
    assert (first.number, first.report_type, first.date) == (
        2,
        "ADDACS",
        datetime.date(2026, 11, 30),
    )
    assert (first.reference, first.reason_code, first.problem) == ("GLAN 0001 2345", "1", "")
    assert not first.has_new_details
    assert second.report_type == "ADDACS"
    assert second.reason_code == "C"
    assert (second.new_sort_code, second.new_account_number) == ("401276", "41234567")
    assert second.new_account_name == "J SMITH"
    assert second.has_new_details
    assert wrong_type.number == 5 and "AUDDIS or ADDACS" in wrong_type.problem
    assert "date" in wrong_date.problem


def test_what_staff_read_of_a_line_never_has_a_whole_account_number():
    lines = parse_report(REPORT)
    assert "41234567" not in lines[1].text
    assert "******67" in lines[1].text
    stray = parse_report(
        b"report_type,date,reference,reason_code,note\nADDACS,2026-11-30,X,1,12345678\n"
    )
    assert "12345678" not in stray[0].text


def test_columns_may_come_in_any_order_and_extra_ones_are_ignored():
    (line,) = parse_report(
        b"Reason_Code,Reference,Extra,Date,Report_Type\nR,GLAN1234,x,2026-12-01,ADDACS\n"
    )
    assert (line.reason_code, line.reference, line.report_type) == ("R", "GLAN1234", "ADDACS")


@pytest.mark.parametrize(
    "data",
    [b"", b"reference,reason_code\nX,1\n", b"\xff\xfe\x00garbage"],
)
def test_a_file_that_is_not_a_report_is_refused_whole(data):
    with pytest.raises(ReportFormatError):
        parse_report(data)


def test_the_same_bytes_have_the_same_digest():
    assert digest(REPORT) == digest(bytes(REPORT))
    assert digest(REPORT) != digest(REPORT + b"\n")


def test_reason_codes_as_the_reference_table_says():
    assert reason_for("1").action == ReasonAction.CANCEL
    assert reason_for("b").action == ReasonAction.CANCEL
    assert reason_for("3").action == ReasonAction.NEW_DETAILS_RELODGE
    assert reason_for("3").then_lodge == {TransactionCode.NEW}  # a 0N, never a 0C
    assert reason_for("C").action == ReasonAction.NEW_DETAILS
    assert reason_for("C").sends_nothing_back
    assert reason_for("R").action == ReasonAction.REINSTATE
    assert reason_for("R").sends_nothing_back
    for code in "56FGHIKLMNOPQ":
        assert REASONS[code].action == ReasonAction.REJECT
    assert reason_for("J") is None
    assert reason_for("Z") is None
    assert reason_for("") is None
