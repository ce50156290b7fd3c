"""Reading the reports the bank sends back: AUDDIS (instructions the payer's bank rejected) and
ADDACS (changes payers and their banks made later), in one documented CSV format.

Bureaux and banks deliver these reports in their own shapes (Bacs's XML, fixed-width text, their
own CSV); Townhall reads one plain CSV, which Revenues staff or the bureau's software make from
whatever the bank sends. UTF-8, comma-separated, a header row, one line per advice:

    report_type,date,reference,reason_code,new_sort_code,new_account_number,new_account_name
    ADDACS,2026-11-30,GLAN00012345,1,,,
    ADDACS,2026-11-30,GLAN00012399,C,401276,41234567,J SMITH
    AUDDIS,2026-11-30,GLAN00012401,5,,,

- report_type: AUDDIS or ADDACS.
- date: the report's date, YYYY-MM-DD (DD/MM/YYYY is read too).
- reference: the instruction reference as lodged (spaces and case do not matter).
- reason_code: the Bacs reason code (0, 1, 2, 3, 5, 6, B, C, E, F to Q, R; see reasons.py).
- new_sort_code, new_account_number, new_account_name: the new details that codes 3, C and E
  carry; blank for the others.

Column order does not matter and header names ignore case; other columns are ignored. A line
this module cannot read is kept with the problem, so staff see it listed as not applied.
"""

import csv
import dataclasses
import datetime
import hashlib
import io
import re

from django.utils.translation import gettext_lazy as _

from .enums import ReportType

COLUMNS = (
    "report_type",
    "date",
    "reference",
    "reason_code",
    "new_sort_code",
    "new_account_number",
    "new_account_name",
)
REQUIRED = ("report_type", "date", "reference", "reason_code")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
_LONG_NUMBER = re.compile(r"\d{7,}")


class ReportFormatError(ValueError):
    """The file is not a report in the documented format at all."""


@dataclasses.dataclass(frozen=True)
class ReportLine:
    number: int  # the line's number in the file, the header being line 1
    text: str  # the line for staff to read, account numbers masked
    report_type: str = ""
    date: datetime.date | None = None
    reference: str = ""
    reason_code: str = ""
    new_sort_code: str = ""
    new_account_number: str = ""
    new_account_name: str = ""
    problem: str = ""

    @property
    def has_new_details(self):
        return bool(self.new_sort_code and self.new_account_number)


def digest(data):
    """The report's fingerprint: the same bytes are the same report."""
    return hashlib.sha256(data).hexdigest()


def normalise_reference(value):
    return " ".join((value or "").split()).upper()


def mask_digits(value):
    """Account numbers as staff may see them: every digit but the last 2 hidden."""
    digits = _digits(value)
    return "*" * max(len(digits) - 2, 0) + digits[-2:] if digits else ""


def _masked_cells(header, cells):
    masked = []
    for index, cell in enumerate(cells):
        name = header[index] if index < len(header) else ""
        if name == "new_account_number":
            masked.append(mask_digits(cell))
        else:
            # An account number in a column of its own, or in the wrong one, stays hidden.
            masked.append(_LONG_NUMBER.sub(lambda match: mask_digits(match.group()), cell))
    return ",".join(masked)


def _date(value):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            continue
    return None


def _digits(value):
    return "".join(char for char in value or "" if char.isdigit())


def _decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFormatError(_("The file is not a CSV file saved as UTF-8.")) from None


def _read_line(number, text, row):
    report_type = row.get("report_type", "").strip().upper()
    raw_date = row.get("date", "").strip()
    fields = {
        "report_type": report_type,
        "date": _date(raw_date),
        "reference": normalise_reference(row.get("reference")),
        "reason_code": row.get("reason_code", "").strip().upper(),
        "new_sort_code": _digits(row.get("new_sort_code")),
        "new_account_number": _digits(row.get("new_account_number")),
        "new_account_name": " ".join(row.get("new_account_name", "").split()),
    }
    problem = ""
    if report_type not in ReportType.values:
        problem = _("The report type is not AUDDIS or ADDACS.")
    elif fields["date"] is None:
        problem = _("The date is not a date like 2026-11-30.")
    elif not fields["reference"]:
        problem = _("The reference is blank.")
    elif not fields["reason_code"]:
        problem = _("The reason code is blank.")
    return ReportLine(number=number, text=text, problem=str(problem), **fields)


def parse_report(data):
    """The lines of a report file (bytes). Raises ReportFormatError if it has no usable header."""
    text = _decode(data)
    if not text.strip():
        raise ReportFormatError(_("The file is empty."))
    reader = csv.reader(io.StringIO(text))
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ReportFormatError(
            _("The file's first line must name the columns. Missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    lines = []
    for cells in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        row = dict(zip(header, cells, strict=False))
        lines.append(_read_line(number, _masked_cells(header, cells), row))
    return lines
