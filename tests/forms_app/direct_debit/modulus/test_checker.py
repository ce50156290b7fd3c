import datetime

import pytest

from forms_app.direct_debit.modulus.checker import check_account
from forms_app.direct_debit.modulus.enums import Method, Verdict
from forms_app.direct_debit.modulus.models import ModulusRelease

pytestmark = pytest.mark.django_db


def test_a_sort_code_in_no_range_cannot_be_checked_and_is_accepted():
    result = check_account("99-99-99", "12345678")
    assert result.verdict == Verdict.NOT_CHECKABLE
    assert result.accepted
    assert result.verdict.label == "Unchecked"
    assert result.rule == "sort code in no VALACDOS range"


def test_with_no_release_loaded_nothing_can_be_checked():
    ModulusRelease.objects.all().delete()
    result = check_account("089999", "66374959")  # invalid under any release
    assert result.verdict == Verdict.NOT_CHECKABLE
    assert result.rule == "no modulus checking data loaded"


def test_a_release_is_used_from_its_effective_date():
    """A release loaded ahead of its date takes over on the day; checks before it keep the old."""
    newer = ModulusRelease.objects.create(version="99.00", effective_from=datetime.date(2099, 1, 1))
    # In this made-up release every number on 089999 passes (all weights 0).
    newer.rows.create(
        position=1,
        sort_code_start="089000",
        sort_code_end="089999",
        method=Method.MOD10,
        weights=[0] * 14,
    )
    day_before = check_account("089999", "66374959", today=datetime.date(2098, 12, 31))
    on_the_day = check_account("089999", "66374959", today=datetime.date(2099, 1, 1))
    assert (day_before.verdict, day_before.version) == (Verdict.INVALID, "8.50")
    assert (on_the_day.verdict, on_the_day.version) == (Verdict.VALID, "99.00")


def test_a_check_costs_one_query_once_the_rules_are_in_memory(django_assert_num_queries):
    with django_assert_num_queries(3):  # which release is current, its rows, its substitutions
        check_account("089999", "66374958")
    with django_assert_num_queries(1):  # which release is current
        check_account("938600", "42368003")


def test_the_result_never_shows_the_whole_account_number():
    result = check_account("089999", "66374958")
    assert "66374958" not in repr(result)
    assert "58" in repr(result)
