"""Modulus checking of UK bank details, after Vocalink's "Validating account numbers" specification.

    result = check_account("08-99-99", "66374958")
    result.verdict   # Verdict.VALID, INVALID or NOT_CHECKABLE
    result.rule      # the rule that decided, e.g. "MOD11 with exception 4"

The digits of the sort code and the account number are read as 14 positions, u v w x y z (sort
code) and a b c d e f g h (account number). Each VALACDOS row covering the sort code is one check:
multiply each digit by its weight, add up (for double alternate, add up the digits of each product),
and the check passes when the total divides by 10 or 11. The exception codes change that as the
specification's chapter 2 says; where two rows cover a sort code both must pass, except for the
pairs 2 & 9, 10 & 11 and 12 & 13, where either is enough.

The data comes from the current `ModulusRelease` (see rules.py); nothing here is baked into code
except the few fixed values the specification itself gives (exceptions 2, 8 and 9).
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .enums import Method, Verdict
from .rules import Rule, RuleSet, current_rules

# Positions in the 14 digits of sort code + account number.
A, B, C, G, H = 6, 7, 8, 12, 13

# Exception 2: the weights that replace the row's when a is not 0 (g 9 or not).
EXCEPTION_2_WEIGHTS = (0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1)
EXCEPTION_2_WEIGHTS_G9 = (0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1)
# Sort codes the specification substitutes for the check (exceptions 8 and 9).
EXCEPTION_8_SORT_CODE = "090126"
EXCEPTION_9_SORT_CODE = "309634"
# Pairs of first and second check where passing either one is enough.
EITHER_PAIRS = ({2, 9}, {10, 11}, {12, 13})

# Non-standard account numbers (the specification's chapter 4). Only Santander issues 9-digit
# numbers: the first digit becomes the sort code's last. The specification names the bank, not
# its sort codes; these are Santander's (Abbey, Alliance & Leicester and its Commercial Bank), as
# Experian's Bank Wizard notes and Monzo listed (AntoineAugusti/moduluschecking issue 17). Other
# 9-digit numbers are refused rather than guessed at. The Co-operative Bank's 10-digit numbers
# (08- and 839- sort codes) keep their first eight digits; NatWest's, and any other bank's, their
# last eight.
SANTANDER_NINE_DIGIT_RANGES = (
    (90000, 91900),
    (133000, 133999),
    (165710, 165710),
    (720000, 729999),
    (890000, 892999),
    (980000, 980000),
)
COOPERATIVE_BANK_PREFIXES = ("08", "839")

SORT_CODE_MISSING = _("Enter a sort code")
SORT_CODE_FORMAT = _("Enter a valid sort code like 309430")
SORT_CODE_LENGTH = _("Sort code must be 6 digits long")
ACCOUNT_MISSING = _("Enter an account number")
ACCOUNT_FORMAT = _("Enter a valid account number like 00733445")
ACCOUNT_LENGTH = _("Account number must be between 6 and 8 digits")

# What residents type between groups of digits: spaces (any kind) and hyphens or dashes.
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_DIGITS = re.compile(r"[0-9]+")


class BankDetailsError(ValueError):
    """Bank details that cannot be a UK sort code and account number. `message` is for the
    resident (GOV.UK style, translatable); `field` says which input it belongs to."""

    def __init__(self, message, field):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True, repr=False)
class CheckResult:
    verdict: Verdict
    rule: str
    sort_code: str
    account_number: str
    version: str = ""

    @property
    def accepted(self):
        """Whether the resident may go on: valid, or a sort code the rules cannot check."""
        return self.verdict != Verdict.INVALID

    def __repr__(self):
        # Never the full account number, even in a traceback or a log line.
        return (
            f"<CheckResult {self.verdict.value} {self.sort_code} ******{self.account_number[-2:]}"
            f" by {self.rule!r}>"
        )


def _clean(value):
    return _SEPARATORS.sub("", "" if value is None else str(value))


def normalise(sort_code, account_number):
    """Return the 6-digit sort code and 8-digit account number the resident's input means.

    Spaces and hyphens go; 6- and 7-digit account numbers gain leading zeros; 9- and 10-digit
    ones are shortened as the specification says (a Santander 9-digit number also changes the
    sort code's last digit). Anything else raises BankDetailsError.
    """
    sort_code = _clean(sort_code)
    account = _clean(account_number)
    if not sort_code:
        raise BankDetailsError(SORT_CODE_MISSING, "sort_code")
    if not _DIGITS.fullmatch(sort_code):
        raise BankDetailsError(SORT_CODE_FORMAT, "sort_code")
    if len(sort_code) != 6:
        raise BankDetailsError(SORT_CODE_LENGTH, "sort_code")
    if not account:
        raise BankDetailsError(ACCOUNT_MISSING, "account_number")
    if not _DIGITS.fullmatch(account):
        raise BankDetailsError(ACCOUNT_FORMAT, "account_number")
    length = len(account)
    if length in (6, 7):
        account = account.zfill(8)
    elif length == 9 and _is_santander(sort_code):
        sort_code, account = sort_code[:5] + account[0], account[1:]
    elif length == 10:
        cooperative = sort_code.startswith(COOPERATIVE_BANK_PREFIXES)
        account = account[:8] if cooperative else account[2:]
    elif length != 8:
        raise BankDetailsError(ACCOUNT_LENGTH, "account_number")
    return sort_code, account


def _is_santander(sort_code):
    number = int(sort_code)
    return any(first <= number <= last for first, last in SANTANDER_NINE_DIGIT_RANGES)


def check_account(sort_code, account_number, *, rules: RuleSet | None = None, today=None):
    """Check bank details as the resident typed them against the rules in force `today` (or
    against `rules`, a release not yet saved). Raises only BankDetailsError, for bad input."""
    sort_code, account = normalise(sort_code, account_number)
    if rules is None:
        rules = current_rules(today)
        if rules is None:
            return CheckResult(
                Verdict.NOT_CHECKABLE, "no modulus checking data loaded", sort_code, account
            )
    verdict, rule = decide(rules, sort_code, account)
    return CheckResult(verdict, rule, sort_code, account, rules.version)


def decide(rules: RuleSet, sort_code: str, account: str) -> tuple[Verdict, str]:
    """The verdict and the deciding rule for a normalised sort code and account number."""
    found = rules.rules_for(sort_code)
    if not found:
        return Verdict.NOT_CHECKABLE, "sort code in no VALACDOS range"
    digits = _digits(sort_code, account)
    first = found[0]
    if first.exception == 6 and 4 <= digits[A] <= 8 and digits[G] == digits[H]:
        return Verdict.NOT_CHECKABLE, "exception 6: foreign currency account, cannot be checked"
    first_passed = run_check(first, sort_code, account, rules.substitutions)
    if len(found) == 1:
        return _verdict(first_passed), first.describe()
    second = found[1]
    if {first.exception, second.exception} in EITHER_PAIRS:
        if first_passed:
            return Verdict.VALID, first.describe()
        second_passed = run_check(second, sort_code, account, rules.substitutions)
        return _verdict(second_passed), f"{second.describe()} after {first.describe()} failed"
    if not first_passed:
        return Verdict.INVALID, first.describe()
    if second.exception == 3 and digits[C] in (6, 9):
        return Verdict.VALID, f"{first.describe()} ({second.describe()} not needed: c is 6 or 9)"
    second_passed = run_check(second, sort_code, account, rules.substitutions)
    return _verdict(second_passed), f"{first.describe()} and {second.describe()}"


def run_check(rule: Rule, sort_code: str, account: str, substitutions) -> bool:
    """One VALACDOS row's check, with the sort-code substitutions and exception 14's retry."""
    if rule.exception == 5:
        sort_code = substitutions.get(sort_code, sort_code)
    elif rule.exception == 8:
        sort_code = EXCEPTION_8_SORT_CODE
    elif rule.exception == 9:
        sort_code = EXCEPTION_9_SORT_CODE
    if _passes(rule, sort_code, account):
        return True
    if rule.exception == 14 and account[7] in "019":
        # The bank may have added a final digit: drop it, shift right and check again.
        return _passes(rule, sort_code, "0" + account[:7])
    return False


def _passes(rule: Rule, sort_code: str, account: str) -> bool:
    digits = _digits(sort_code, account)
    weights = list(rule.weights)
    exception = rule.exception
    if exception == 2 and digits[A] != 0:
        weights = list(EXCEPTION_2_WEIGHTS_G9 if digits[G] == 9 else EXCEPTION_2_WEIGHTS)
    elif (exception == 7 and digits[G] == 9) or (
        exception == 10 and account[:2] in ("09", "99") and digits[G] == 9
    ):
        weights[:8] = [0] * 8  # positions u to b count for nothing
    products = [weight * digit for weight, digit in zip(weights, digits, strict=True)]
    if rule.method == Method.DBLAL:
        total = sum(_digit_sum(product) for product in products)
    else:
        total = sum(products)
    if exception == 1:
        total += 27
    remainder = total % (11 if rule.method == Method.MOD11 else 10)
    if exception == 4:
        return remainder == int(account[6:])
    if exception == 5:
        return _exception_5_check_digit(rule.method, remainder, digits)
    return remainder == 0


def _exception_5_check_digit(method, remainder, digits):
    """Exception 5: the remainder must give the check digit (g for modulus 11, h for double
    alternate) rather than be 0."""
    if method == Method.MOD11:
        if remainder == 1:
            return False
        return digits[G] == (0 if remainder == 0 else 11 - remainder)
    return digits[H] == (0 if remainder == 0 else 10 - remainder)


def _digits(sort_code, account):
    return [int(character) for character in sort_code + account]


def _digit_sum(number):
    sign = -1 if number < 0 else 1
    return sign * sum(int(character) for character in str(abs(number)))


def _verdict(passed):
    return Verdict.VALID if passed else Verdict.INVALID
