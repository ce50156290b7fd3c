import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from forms_app.direct_debit.modulus.checker import BankDetailsError, check_account, normalise


@pytest.mark.parametrize(
    ("sort_code", "account_number", "expected"),
    [
        ("08-99-99", "6637 4958", ("089999", "66374958")),
        (" 08 99 99 ", "66374958", ("089999", "66374958")),
        ("08–99–99", "66-37-49-58", ("089999", "66374958")),  # en dashes, pasted
        ("089999", "374958", ("089999", "00374958")),  # 6 digits: two leading zeros
        ("089999", "6374958", ("089999", "06374958")),  # 7 digits: one
        ("720045", "123456789", ("720041", "23456789")),  # Santander's 9 digits
        ("09-01-28", "512345678", ("090125", "12345678")),
        ("133000", "312345678", ("133003", "12345678")),
        ("089999", "6637495812", ("089999", "66374958")),  # Co-operative Bank: first eight
        ("600000", "1266374958", ("600000", "66374958")),  # NatWest and others: last eight
    ],
)
def test_normalise(sort_code, account_number, expected):
    assert normalise(sort_code, account_number) == expected


@pytest.mark.parametrize(
    ("sort_code", "account_number", "field", "message"),
    [
        ("", "66374958", "sort_code", "Enter a sort code"),
        ("08-99-9X", "66374958", "sort_code", "Enter a valid sort code like 309430"),
        ("08999", "66374958", "sort_code", "Sort code must be 6 digits long"),
        ("０８９９９９", "66374958", "sort_code", "Enter a valid sort code like 309430"),
        ("089999", "  ", "account_number", "Enter an account number"),
        ("089999", "6637495B", "account_number", "Enter a valid account number like 00733445"),
        ("089999", "12345", "account_number", "Account number must be between 6 and 8 digits"),
        ("089999", "123456789", "account_number", "Account number must be between 6 and 8 digits"),
        (
            "089999",
            "12345678901",
            "account_number",
            "Account number must be between 6 and 8 digits",
        ),
    ],
)
def test_bad_details_get_a_message_for_the_field(sort_code, account_number, field, message):
    with pytest.raises(BankDetailsError) as raised:
        normalise(sort_code, account_number)
    assert (raised.value.field, str(raised.value.message)) == (field, message)


TYPED = st.text(alphabet=st.sampled_from("0123456789 -–\t٣x"), max_size=14)
ANYTHING = st.one_of(st.none(), st.text(max_size=20), TYPED)
PROPERTY = settings(
    max_examples=200,
    deadline=datetime.timedelta(seconds=2),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@PROPERTY
@given(sort_code=ANYTHING, account_number=ANYTHING)
@example(sort_code="72-00-45", account_number="123 456 789")
@example(sort_code="089999", account_number="6637495812")
def test_normalising_twice_changes_nothing(sort_code, account_number):
    try:
        once = normalise(sort_code, account_number)
    except BankDetailsError:
        return
    assert len(once[0]) == 6 and once[0].isdigit()
    assert len(once[1]) == 8 and once[1].isdigit()
    assert normalise(*once) == once


@pytest.mark.django_db
@PROPERTY
@given(sort_code=ANYTHING, account_number=ANYTHING)
@example(sort_code="309070", account_number="99999999")
@example(sort_code="180002", account_number="00000009")
def test_no_input_makes_the_checker_raise_anything_but_bad_details(sort_code, account_number):
    try:
        result = check_account(sort_code, account_number)
    except BankDetailsError:
        return
    assert (result.sort_code, result.account_number) == normalise(sort_code, account_number)


@pytest.mark.django_db
@settings(max_examples=200, deadline=datetime.timedelta(seconds=2))
@given(
    sort_code=st.text(alphabet="0123456789", min_size=6, max_size=6),
    account_number=st.text(alphabet="0123456789", min_size=8, max_size=8),
)
def test_every_well_formed_number_gets_a_verdict(sort_code, account_number):
    result = check_account(sort_code, account_number)
    assert result.rule
