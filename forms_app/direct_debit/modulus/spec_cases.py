"""The test cases of chapter 3 of Vocalink's "Validating account numbers" specification.

They are runtime data, not only tests: `load_modulus_data` refuses a new release unless every one
still gives its expected verdict with it. Case 13 is a foreign currency account (exception 6): the
specification accepts it because it cannot be checked, so its verdict is NOT_CHECKABLE.
"""

from dataclasses import dataclass

from .enums import Verdict


@dataclass(frozen=True)
class SpecCase:
    number: int
    sort_code: str
    account_number: str
    expected: Verdict
    description: str


def _case(number, sort_code, account_number, expected, description):
    return SpecCase(number, sort_code, account_number, expected, description)


VALID, INVALID = Verdict.VALID, Verdict.INVALID

SPEC_CASES = (
    _case(1, "089999", "66374958", VALID, "Pass modulus 10 check"),
    _case(2, "107999", "88837491", VALID, "Pass modulus 11 check"),
    _case(3, "202959", "63748472", VALID, "Pass modulus 11 and double alternate checks"),
    _case(4, "871427", "46238510", VALID, "Exception 10 & 11: first check passes, second fails"),
    _case(5, "872427", "46238510", VALID, "Exception 10 & 11: first check fails, second passes"),
    _case(6, "871427", "09123496", VALID, "Exception 10: ab = 09 and g = 9, first check passes"),
    _case(7, "871427", "99123496", VALID, "Exception 10: ab = 99 and g = 9, first check passes"),
    _case(8, "820000", "73688637", VALID, "Exception 3: c = 6, double alternate not needed"),
    _case(9, "827999", "73988638", VALID, "Exception 3: c = 9, double alternate not needed"),
    _case(10, "827101", "28748352", VALID, "Exception 3: c is not 6 or 9, both checks pass"),
    _case(11, "134020", "63849203", VALID, "Exception 4: remainder equals the check digits gh"),
    _case(12, "118765", "64371389", VALID, "Exception 1: double alternate with 27 added"),
    _case(
        13,
        "200915",
        "41011166",
        Verdict.NOT_CHECKABLE,
        "Exception 6: foreign currency account, cannot be checked",
    ),
    _case(14, "938611", "07806039", VALID, "Exception 5: both checks pass"),
    _case(15, "938600", "42368003", VALID, "Exception 5: passes with sort code substitution"),
    _case(16, "938063", "55065200", VALID, "Exception 5: both remainders 0, check digits 0"),
    _case(17, "772798", "99345694", VALID, "Exception 7: passes though the normal check fails"),
    _case(18, "086090", "06774744", VALID, "Exception 8: passes with sort code 090126"),
    _case(19, "309070", "02355688", VALID, "Exception 2 & 9: first check passes"),
    _case(20, "309070", "12345668", VALID, "Exception 2 & 9: second passes with substitution"),
    _case(21, "309070", "12345677", VALID, "Exception 2 & 9: a ≠ 0 and g ≠ 9, passes"),
    _case(22, "309070", "99345694", VALID, "Exception 2 & 9: a ≠ 0 and g = 9, passes"),
    _case(23, "938063", "15764273", INVALID, "Exception 5: first check digit right, second wrong"),
    _case(24, "938063", "15764264", INVALID, "Exception 5: first check digit wrong, second right"),
    _case(25, "938063", "15763217", INVALID, "Exception 5: first check digit remainder 1"),
    _case(26, "118765", "64371388", INVALID, "Exception 1: fails the double alternate check"),
    _case(27, "203099", "66831036", INVALID, "Passes modulus 11, fails double alternate"),
    _case(28, "203099", "58716970", INVALID, "Fails modulus 11, passes double alternate"),
    _case(29, "089999", "66374959", INVALID, "Fails modulus 10"),
    _case(30, "107999", "88837493", INVALID, "Fails modulus 11"),
    _case(31, "074456", "12345112", VALID, "Exception 12 & 13: passes modulus 11"),
    _case(32, "070116", "34012583", VALID, "Exception 12 & 13: passes modulus 11"),
    _case(33, "074456", "11104102", VALID, "Exception 12 & 13: fails modulus 11, passes 10"),
    _case(34, "180002", "00000190", VALID, "Exception 14: fails, passes with h removed"),
)


def failing_cases(rules):
    """The cases whose verdict with `rules` (a RuleSet) is not the one the specification gives,
    each with the verdict and rule it got."""
    from .checker import check_account

    failures = []
    for case in SPEC_CASES:
        result = check_account(case.sort_code, case.account_number, rules=rules)
        if result.verdict != case.expected:
            failures.append((case, result))
    return failures
