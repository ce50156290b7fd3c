"""The rules of one release, held in memory, and the cache that keeps them per release.

A check needs every VALACDOS row of a release (to find the rows covering a sort code) and SCSUBTAB.
Reading 1,151 rows for every check would be wasteful, so each process builds a `RuleSet` once per
release and keeps it, keyed on the release's id: releases are never edited after loading (a new
one is loaded instead), so the key can never point at stale rules. A check then costs one query,
to learn which release is current; the first check after a new release costs two more.
"""

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from .data_files import WeightLine
from .models import ModulusRelease, SortCodeSubstitution, WeightRow

# Releases kept per process: the current one and the one before it is plenty.
CACHE_SIZE = 4


@dataclass(frozen=True)
class Rule:
    """One check: a method, its 14 weights (u to h) and the exception code, if any."""

    method: str
    weights: tuple[int, ...]
    exception: int | None = None

    def describe(self):
        if self.exception:
            return f"{self.method} with exception {self.exception}"
        return self.method


class RuleSet:
    """Everything a check needs from one release, searchable without the database."""

    def __init__(self, ranges, substitutions, version=""):
        # (first, last, rule) in file order: where two lines cover a sort code, the first line
        # is the first check.
        self._ranges = [(int(start), int(end), rule) for start, end, rule in ranges]
        self.substitutions = dict(substitutions)
        self.version = version

    @classmethod
    def from_lines(cls, lines: Iterable[WeightLine], substitutions, version=""):
        ordered = sorted(lines, key=lambda line: line.position)
        return cls(
            [
                (line.start, line.end, Rule(line.method, tuple(line.weights), line.exception))
                for line in ordered
            ],
            substitutions,
            version,
        )

    @classmethod
    def from_release(cls, release):
        rows = WeightRow.objects.filter(release=release).order_by("position")
        ranges = [
            (
                row.sort_code_start,
                row.sort_code_end,
                Rule(row.method, tuple(row.weights), row.exception),
            )
            for row in rows
        ]
        substitutions = SortCodeSubstitution.objects.filter(release=release).values_list(
            "sort_code", "substitute"
        )
        return cls(ranges, substitutions, release.version)

    def __len__(self):
        return len(self._ranges)

    def rules_for(self, sort_code: str) -> list[Rule]:
        number = int(sort_code)
        return [rule for start, end, rule in self._ranges if start <= number <= end]


_cache: dict[int, RuleSet] = {}
_cache_lock = threading.Lock()


def rules_for_release(release: ModulusRelease) -> RuleSet:
    rules = _cache.get(release.pk)
    if rules is None:
        rules = RuleSet.from_release(release)
        with _cache_lock:
            while len(_cache) >= CACHE_SIZE:
                _cache.pop(next(iter(_cache)))
            _cache[release.pk] = rules
    return rules


def current_rules(today=None) -> RuleSet | None:
    """The rules in force today, or None when no release has been loaded (or none is in force)."""
    release = ModulusRelease.objects.only("pk", "version").current(today)
    if release is None:
        return None
    return rules_for_release(release)


def clear_cache():
    with _cache_lock:
        _cache.clear()
