import sys

from django.core.management.base import BaseCommand, CommandError

from forms_app.direct_debit.modulus.checker import BankDetailsError, check_account
from forms_app.direct_debit.modulus.enums import Verdict

EXIT_INVALID = 1
EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Check a sort code and account number against the modulus rules in force: prints the "
        "verdict and the rule that decided it. Exits 0 if valid or not checkable, 1 if invalid, "
        "2 for input that is not a sort code and account number."
    )

    def add_arguments(self, parser):
        parser.add_argument("sort_code")
        parser.add_argument("account_number")

    def handle(self, *args, sort_code, account_number, **options):
        try:
            result = check_account(sort_code, account_number)
        except BankDetailsError as error:
            raise CommandError(str(error.message), returncode=EXIT_BAD_INPUT) from error
        version = f" (VALACDOS {result.version})" if result.version else ""
        self.stdout.write(
            f"{result.sort_code} {result.account_number}: {result.verdict.label}{version}\n"
            f"Rule: {result.rule}"
        )
        if result.verdict == Verdict.INVALID:
            sys.exit(EXIT_INVALID)
