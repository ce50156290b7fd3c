"""The AUDDIS file against a committed golden file and the reference's positions.

To look at the golden file: `cat -A tests/forms_app/direct_debit/bacs/golden/auddis.txt`. If the
layout ever has to change on purpose, write the new file with
`UPDATE_GOLDEN=1 pytest tests/forms_app/direct_debit/bacs/test_standard18.py` and read the diff.
"""

import datetime
import os
import pathlib

import pytest

from forms_app.direct_debit.bacs.standard18 import (
    AuddisRecord,
    Originator,
    Standard18Error,
    bacs_characters,
    bacs_name,
    julian,
    write_file,
)

GOLDEN = pathlib.Path(__file__).parent / "golden" / "auddis.txt"

ORIGINATOR = Originator(
    sun="123456",
    service_user_name="Glanrhyd County Borough Council",
    sort_code="20-00-00",
    account_number="55779911",
)
RECORDS = [
    AuddisRecord("40-12-76", "41234567", "0N", "GLAN00012345", "Siân Ŵyn Llewelyn-Jones"),
    AuddisRecord("089999", "66374958", "0N", "GLAN00012346", "o'brien & co. (ltd)"),
    AuddisRecord("107999", "88837491", "0C", "glan 0001 2347", "J SMITH"),
]


def field(line, start, end):
    """Positions as the reference gives them: 1-based, both ends included."""
    return line[start - 1 : end]


@pytest.fixture
def written():
    return write_file(
        RECORDS,
        originator=ORIGINATOR,
        processing_date=datetime.date(2026, 12, 3),
        serial=42,
        created=datetime.date(2026, 11, 30),
    )


def test_the_file_is_the_golden_file(written):
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_bytes(written.text.encode("ascii"))
    assert written.text.encode("ascii") == GOLDEN.read_bytes()


def test_every_record_has_its_length_and_place():
    lines = GOLDEN.read_bytes().decode("ascii").split("\r\n")
    assert lines[-1] == ""  # every line ends with CR LF, the last one too
    lines = lines[:-1]
    assert [line[:4] for line in lines[:4]] == ["VOL1", "HDR1", "HDR2", "UHL1"]
    assert [line[:4] for line in lines[-3:]] == ["EOF1", "EOF2", "UTL1"]
    labels = lines[:4] + lines[-3:]
    data = lines[4:-3]
    assert [len(line) for line in labels] == [80] * 7
    assert [len(line) for line in data] == [100] * 3


def test_labels_have_their_fields_at_the_references_positions():
    lines = GOLDEN.read_bytes().decode("ascii").split("\r\n")
    vol1, hdr1, hdr2, uhl1 = lines[:4]
    eof1, eof2, utl1 = lines[-4:-1]

    assert field(vol1, 5, 10) == "000042"
    assert field(vol1, 42, 47) == "123456"
    assert field(vol1, 80, 80) == "1"

    for header, tag in ((hdr1, "HDR1"), (eof1, "EOF1")):
        assert field(header, 1, 4) == tag
        assert field(header, 5, 21) == "A123456S  123456 "
        assert field(header, 22, 27) == "000042"
        assert field(header, 28, 31) == "0001"
        assert field(header, 32, 35) == "0001"
        assert field(header, 42, 47) == " 26334"  # 30 November 2026 is day 334
        assert field(header, 48, 53) == " 26334"
        assert field(header, 55, 60) == "000000"
    assert hdr1[4:] == eof1[4:]

    for header, tag in ((hdr2, "HDR2"), (eof2, "EOF2")):
        assert field(header, 1, 5) == tag + "F"
        assert field(header, 6, 10) == "02000"
        assert field(header, 11, 15) == "00100"
    assert hdr2[4:] == eof2[4:]

    assert field(uhl1, 5, 10) == " 26337"  # processing on 3 December 2026
    assert field(uhl1, 11, 20) == "999999    "
    assert field(uhl1, 21, 22) == "00"
    assert field(uhl1, 23, 28) == "000000"
    assert field(uhl1, 29, 37) == "1 DAILY  "
    assert field(uhl1, 38, 40) == "001"

    # Trailer: no money, no debits or credits, three instructions.
    assert field(utl1, 5, 17) == "0" * 13
    assert field(utl1, 18, 30) == "0" * 13
    assert field(utl1, 31, 37) == "0" * 7
    assert field(utl1, 38, 44) == "0" * 7
    assert field(utl1, 53, 59) == "0000003"


def test_data_records_have_their_fields_at_the_references_positions():
    data = GOLDEN.read_bytes().decode("ascii").split("\r\n")[4:7]
    first, second, cancel = data
    assert field(first, 1, 6) == "401276"
    assert field(first, 7, 14) == "41234567"
    assert field(first, 15, 15) == "0"
    assert field(first, 16, 17) == "0N"
    assert field(first, 18, 23) == "200000"
    assert field(first, 24, 31) == "55779911"
    assert field(first, 32, 35) == "    "
    assert field(first, 36, 46) == "00000000000"
    assert field(first, 47, 64) == "GLANRHYD COUNTY BO"
    assert field(first, 65, 82) == "GLAN00012345      "
    # Upper case, accents folded, cut to 18.
    assert field(first, 83, 100) == "SIAN WYN LLEWELYN-"

    # Characters outside the Bacs set become spaces; & . / - stay.
    assert field(second, 83, 100) == "O BRIEN & CO. LTD "
    assert field(cancel, 16, 17) == "0C"
    assert field(cancel, 65, 82) == "GLAN 0001 2347    "


def test_trailer_counts_follow_the_records(written):
    assert (written.new_count, written.cancel_count, written.instruction_count) == (2, 1, 3)
    empty = write_file(
        [],
        originator=ORIGINATOR,
        processing_date=datetime.date(2026, 12, 3),
        serial=1,
        created=datetime.date(2026, 11, 30),
    )
    lines = empty.text.split("\r\n")
    assert [line[:4] for line in lines[:-1]] == [
        "VOL1",
        "HDR1",
        "HDR2",
        "UHL1",
        "EOF1",
        "EOF2",
        "UTL1",
    ]
    assert field(lines[6], 53, 59) == "0000000"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Siân Ŵyn", "SIAN WYN"),
        ("Dafydd ap Gruffudd-Ŷr", "DAFYDD AP GRUFFUDD-YR"),
        ("Mr  J. Smith & Co/Ltd", "MR J. SMITH & CO/LTD"),
        ("O'Neill, Zoë", "O NEILL ZOE"),
        ("  ", ""),
        ("李", ""),
    ],
)
def test_names_are_in_the_bacs_character_set(text, expected):
    assert bacs_characters(text) == expected


def test_names_are_cut_to_eighteen():
    assert bacs_name("Llanfairpwllgwyngyll Partners") == "LLANFAIRPWLLGWYNGY"
    assert bacs_name("Ann Evans         Jones") == "ANN EVANS JONES"


def test_dates_are_year_and_day_of_year():
    assert julian(datetime.date(2027, 1, 1)) == " 27001"
    assert julian(datetime.date(2028, 12, 31)) == " 28366"


@pytest.mark.parametrize(
    "record",
    [
        AuddisRecord("4012", "41234567", "0N", "GLAN00012345", "A B"),
        AuddisRecord("401276", "4123456", "0N", "GLAN00012345", "A B"),
        AuddisRecord("401276", "41234567", "0N", "GLAN", "A B"),
        AuddisRecord("401276", "41234567", "99", "GLAN00012345", "A B"),
    ],
)
def test_a_record_the_bank_would_refuse_is_refused_before_writing(record):
    with pytest.raises((Standard18Error, ValueError)):
        write_file(
            [record],
            originator=ORIGINATOR,
            processing_date=datetime.date(2026, 12, 3),
            serial=1,
        )


def test_the_originator_must_be_complete():
    with pytest.raises(Standard18Error):
        write_file(
            RECORDS,
            originator=Originator("123456", "", "200000", "55779911"),
            processing_date=datetime.date(2026, 12, 3),
            serial=1,
        )
