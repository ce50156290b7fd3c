# Placeholder (drop on merge): ddmod's branch brings the real modulus checker with this API.
import re
from dataclasses import dataclass

from .enums import Verdict


class BankDetailsError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    rule: str = ""


def normalise(sort_code, account):
    sort_code = re.sub(r"\D", "", str(sort_code or ""))
    account = re.sub(r"\D", "", str(account or ""))
    if len(sort_code) != 6:
        raise BankDetailsError("Enter a valid sort code like 309430")
    if not 6 <= len(account) <= 8:
        raise BankDetailsError("Enter a valid account number like 00733445")
    return sort_code, account.rjust(8, "0")


def check_account(sort_code, account):
    if (sort_code, account) == ("089999", "66374959"):
        return Result(Verdict.INVALID, "placeholder")
    if sort_code.startswith("08"):
        return Result(Verdict.VALID, "placeholder")
    return Result(Verdict.NOT_CHECKABLE, "")
