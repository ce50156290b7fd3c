"""Loading a new release of Vocalink's modulus data, all or nothing.

The files are read and the specification's chapter-3 test cases are run against them in memory
first; only a release that passes every case is written, in one transaction. A refused release
leaves the database as it was, so residents keep being checked against the release in force.
"""

import datetime
import re

from django.db import transaction

from .data_files import parse_scsubtab, parse_valacdos
from .models import ModulusRelease, SortCodeSubstitution, WeightRow
from .rules import RuleSet
from .spec_cases import failing_cases

_VERSION_IN_FILE_NAME = re.compile(r"v(\d+)[-_.](\d+)", re.IGNORECASE)


class ReleaseRefused(Exception):
    """A release that must not be loaded. `failures` lists (SpecCase, CheckResult) pairs when the
    reason is that test cases of the specification no longer pass."""

    def __init__(self, message, failures=()):
        super().__init__(message)
        self.failures = list(failures)


def version_from_file_name(name: str) -> str | None:
    """Vocalink names its files like valacdos-v8-50.txt: that is version 8.50."""
    match = _VERSION_IN_FILE_NAME.search(name)
    return f"{int(match[1])}.{match[2]}" if match else None


def load_release(
    valacdos_text: str,
    scsubtab_text: str,
    *,
    effective_from: datetime.date,
    version: str,
    source: str = "",
) -> ModulusRelease:
    """Save a release if every chapter-3 test case passes with it; raise ReleaseRefused (or
    DataFileError for a malformed file) and save nothing otherwise."""
    lines = parse_valacdos(valacdos_text)
    substitutions = parse_scsubtab(scsubtab_text)
    failures = failing_cases(RuleSet.from_lines(lines, substitutions, version))
    if failures:
        numbers = ", ".join(str(case.number) for case, _result in failures)
        raise ReleaseRefused(
            f"{len(failures)} of the specification's test cases fail with these files "
            f"(cases {numbers})",
            failures,
        )
    with transaction.atomic():
        if ModulusRelease.objects.select_for_update().filter(version=version).exists():
            raise ReleaseRefused(f"Version {version} is already loaded")
        release = ModulusRelease.objects.create(
            version=version, effective_from=effective_from, source=source[:255]
        )
        WeightRow.objects.bulk_create(
            WeightRow(
                release=release,
                position=line.position,
                sort_code_start=line.start,
                sort_code_end=line.end,
                method=line.method,
                weights=list(line.weights),
                exception=line.exception,
            )
            for line in lines
        )
        SortCodeSubstitution.objects.bulk_create(
            SortCodeSubstitution(release=release, sort_code=original, substitute=substitute)
            for original, substitute in substitutions.items()
        )
    return release
