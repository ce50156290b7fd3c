"""Bacs Standard 18 AUDDIS files: new (0N) and cancelled (0C) Direct Debit instructions.

Writes the layout in shared/reference/direct-debit.md ("Standard 18 layout"): VOL1, HDR1, HDR2,
UHL1, the data records, EOF1, EOF2, UTL1; labels of 80 characters, data records of 100, dates as
" YYDDD", lines ended by CR LF. Positions below are 1-based, as in the reference; the sponsoring
bank's specification is the authority, and the golden file under
tests/forms_app/direct_debit/bacs/golden/ pins every one of them.

Nothing here touches the database: callers pass plain records and get the file's text back.
"""

import dataclasses
import datetime
import re
import unicodedata

from .enums import TransactionCode

LABEL_LENGTH = 80
RECORD_LENGTH = 100
LINE_END = "\r\n"
NAME_LENGTH = 18
# AUDDIS records carry no money.
ZERO_AMOUNT = "0" * 11
# Block length given in HDR2: the record length times the records in a block of the bureau's
# choosing; 100-character records in blocks of 20.
BLOCK_LENGTH = 2000

_NOT_BACS = re.compile(r"[^A-Z0-9 &\-./]")
_SPACES = re.compile(r" {2,}")


class Standard18Error(ValueError):
    """What would make the bank refuse the file: said before it is written."""


def bacs_characters(text):
    """`text` in the Bacs character set (A-Z, 0-9, space, & - . /): upper case, accents folded
    (Ŵ to W, é to E), anything else a space, runs of spaces made one."""
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(char for char in folded if not unicodedata.combining(char)).upper()
    return _SPACES.sub(" ", _NOT_BACS.sub(" ", folded)).strip()


def bacs_name(text, length=NAME_LENGTH):
    """A name as the file carries it: Bacs characters, cut to `length`."""
    return bacs_characters(text)[:length].rstrip()


def julian(day):
    """A date as Bacs writes it: a space, the year's last two digits, the day of the year."""
    return f" {day:%y}{day.timetuple().tm_yday:03d}"


def _digits(value, length, what):
    value = "".join((value or "").split()).replace("-", "")
    if not (value.isdigit() and len(value) == length):
        raise Standard18Error(f"{what} must be {length} digits, not {value!r}")
    return value


@dataclasses.dataclass(frozen=True)
class Originator:
    """The council as the file names it."""

    sun: str  # service user number, 6 digits
    service_user_name: str
    sort_code: str
    account_number: str


@dataclasses.dataclass(frozen=True)
class AuddisRecord:
    """One instruction to lodge (0N) or cancel (0C)."""

    sort_code: str
    account_number: str
    transaction_code: str
    reference: str
    account_name: str


@dataclasses.dataclass(frozen=True)
class Standard18File:
    """A written file: its text, and the counts its trailer carries."""

    text: str
    new_count: int
    cancel_count: int

    @property
    def instruction_count(self):
        return self.new_count + self.cancel_count


def _fields(length, *parts):
    """A line from (position, text) pairs; the gaps are spaces. Fails loudly on any overlap or
    overflow, so a wrong width can never shift a field silently."""
    line = [" "] * length
    end = 0
    for position, text in parts:
        start = position - 1
        if start < end or start + len(text) > length:
            raise AssertionError(f"field at {position} ({text!r}) overlaps or overflows")
        line[start : start + len(text)] = text
        end = start + len(text)
    return "".join(line)


def _label(*parts):
    return _fields(LABEL_LENGTH, *parts)


def _header_1(tag, originator, serial, created):
    # File identifier: "A", the SUN, "S", two spaces, the SUN again (17 characters).
    file_id = f"A{originator.sun}S  {originator.sun}".ljust(17)
    return _label(
        (1, tag),
        (5, file_id),
        (22, serial),  # set identifier
        (28, "0001"),  # file section
        (32, "0001"),  # file sequence
        (42, julian(created)),
        (48, julian(created)),  # expiry: the file is for one day's processing
        (55, "000000"),  # block count
    )


def _header_2(tag):
    return _label((1, tag), (5, "F"), (6, f"{BLOCK_LENGTH:05d}"), (11, f"{RECORD_LENGTH:05d}"))


def _data_record(record, originator, service_user_name):
    try:
        code = TransactionCode(record.transaction_code)
    except ValueError:
        raise Standard18Error(f"{record.transaction_code!r} is not an AUDDIS code") from None
    if not bacs_name(record.account_name):
        raise Standard18Error("the name on the account is blank")
    reference = bacs_characters(record.reference)
    if not 6 <= len(reference) <= NAME_LENGTH:
        raise Standard18Error(f"reference {record.reference!r} is not 6 to 18 Bacs characters")
    return _fields(
        RECORD_LENGTH,
        (1, _digits(record.sort_code, 6, "payer's sort code")),
        (7, _digits(record.account_number, 8, "payer's account number")),
        (15, "0"),
        (16, code.value),
        (18, originator.sort_code),
        (24, originator.account_number),
        (36, ZERO_AMOUNT),
        (47, service_user_name.ljust(NAME_LENGTH)),
        (65, reference.ljust(NAME_LENGTH)),
        (83, bacs_name(record.account_name).ljust(NAME_LENGTH)),
    )


def _checked_originator(originator):
    return Originator(
        sun=_digits(originator.sun, 6, "service user number"),
        service_user_name=originator.service_user_name,
        sort_code=_digits(originator.sort_code, 6, "originating sort code"),
        account_number=_digits(originator.account_number, 8, "originating account number"),
    )


def check_record(record, originator):
    """Raise Standard18Error if the bank would refuse this record from this originator."""
    originator = _checked_originator(originator)
    if not bacs_name(originator.service_user_name):
        raise Standard18Error("the service user name is blank")
    _data_record(record, originator, bacs_name(originator.service_user_name))


def write_file(records, *, originator, processing_date, serial, created=None):
    """The AUDDIS file for `records`, to be processed on `processing_date`.

    `serial` (1 to 999999) numbers the council's files: it is the volume serial and the set
    identifier, so the bank can tell one file from the next. `created` defaults to today.
    """
    if not 1 <= serial <= 999_999:
        raise Standard18Error(f"file serial {serial} is not 1 to 999999")
    created = created or datetime.date.today()
    originator = _checked_originator(originator)
    service_user_name = bacs_name(originator.service_user_name)
    if not service_user_name:
        raise Standard18Error("the service user name is blank")
    records = list(records)
    volume = f"{serial:06d}"

    lines = [
        _label((1, "VOL1"), (5, volume), (42, originator.sun), (80, "1")),
        _header_1("HDR1", originator, volume, created),
        _header_2("HDR2"),
        _label(
            (1, "UHL1"),
            (5, julian(processing_date)),
            (11, "999999    "),
            (21, "00"),
            (23, "000000"),
            (29, "1 DAILY  "),
            (38, "001"),  # file number: one file in each submission
        ),
    ]
    lines += [_data_record(record, originator, service_user_name) for record in records]
    codes = [TransactionCode(record.transaction_code) for record in records]
    lines += [
        _header_1("EOF1", originator, volume, created),
        _header_2("EOF2"),
        _label(
            (1, "UTL1"),
            (5, "0" * 13),  # debit total
            (18, "0" * 13),  # credit total
            (31, "0" * 7),  # debit count
            (38, "0" * 7),  # credit count
            (53, f"{len(records):07d}"),  # instructions (DDI) count
        ),
    ]
    return Standard18File(
        text="".join(line + LINE_END for line in lines),
        new_count=codes.count(TransactionCode.NEW),
        cancel_count=codes.count(TransactionCode.CANCEL),
    )
