"""Reading Vocalink's two plain-text data files.

VALACDOS: one line per sort-code range: start, end, method (MOD10, MOD11 or DBLAL), the 14 weights
for positions u v w x y z a b c d e f g h (sort code then account number), and an optional
exception code. A range may have two lines: the first and the second check, in that order.
SCSUBTAB: one line per sort code that exception 5 replaces: original, substitute.

Pure functions with no database, so the data migration, the loading command and the checker's
tests share them.
"""

import re
from dataclasses import dataclass

from .enums import KNOWN_EXCEPTIONS, Method

WEIGHT_COUNT = 14
_SORT_CODE = re.compile(r"[0-9]{6}")
_WEIGHT = re.compile(r"-?[0-9]{1,3}")


class DataFileError(ValueError):
    """A data file that is not VALACDOS or SCSUBTAB as Vocalink publishes them."""

    def __init__(self, file_label, line_number, problem):
        self.file_label = file_label
        self.line_number = line_number
        self.problem = problem
        if line_number:
            super().__init__(f"{file_label} line {line_number}: {problem}")
        else:
            super().__init__(f"{file_label} {problem}")


@dataclass(frozen=True)
class WeightLine:
    """One VALACDOS line; `position` keeps the file order, which decides the first check."""

    position: int
    start: str
    end: str
    method: str
    weights: tuple[int, ...]
    exception: int | None


def decode(data: bytes, file_label: str) -> str:
    try:
        return data.decode("ascii")
    except UnicodeDecodeError as error:
        raise DataFileError(file_label, 0, "is not a plain-text (ASCII) file") from error


def _lines(text):
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if fields:
            yield number, fields


def parse_valacdos(text: str) -> list[WeightLine]:
    label = "VALACDOS"
    rows = []
    for number, fields in _lines(text):
        if len(fields) not in (3 + WEIGHT_COUNT, 4 + WEIGHT_COUNT):
            raise DataFileError(label, number, f"expected 17 or 18 fields, found {len(fields)}")
        start, end, method, *rest = fields
        if not (_SORT_CODE.fullmatch(start) and _SORT_CODE.fullmatch(end)):
            raise DataFileError(label, number, "the sort codes must be 6 digits")
        if start > end:
            raise DataFileError(label, number, f"the range {start}-{end} ends before it starts")
        if method not in Method.values:
            raise DataFileError(label, number, f"unknown method {method!r}")
        weights = rest[:WEIGHT_COUNT]
        if not all(_WEIGHT.fullmatch(weight) for weight in weights):
            raise DataFileError(label, number, "the weights must be whole numbers")
        exception = None
        if len(rest) > WEIGHT_COUNT:
            code = rest[WEIGHT_COUNT]
            if not code.isascii() or not code.isdigit() or int(code) not in KNOWN_EXCEPTIONS:
                raise DataFileError(label, number, f"unknown exception code {code!r}")
            exception = int(code)
        rows.append(
            WeightLine(
                position=len(rows) + 1,
                start=start,
                end=end,
                method=method,
                weights=tuple(int(weight) for weight in weights),
                exception=exception,
            )
        )
    if not rows:
        raise DataFileError(label, 0, "has no rows")
    return rows


def parse_scsubtab(text: str) -> dict[str, str]:
    label = "SCSUBTAB"
    substitutions = {}
    for number, fields in _lines(text):
        if len(fields) != 2 or not all(_SORT_CODE.fullmatch(field) for field in fields):
            raise DataFileError(label, number, "expected two 6-digit sort codes")
        original, substitute = fields
        if original in substitutions:
            raise DataFileError(label, number, f"sort code {original} is listed twice")
        substitutions[original] = substitute
    return substitutions
