"""Re-encrypt every instruction's bank details under the newest key in DIRECT_DEBIT_KEYS.

Rotation: put the new key first in DIRECT_DEBIT_KEYS (keeping the old ones after it), restart,
run this command, then drop the old key. Until it has run, rows under an old key still read.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from forms_app.direct_debit.models import Instruction


class Command(BaseCommand):
    help = "Re-encrypt Direct Debit bank details under the newest key in DIRECT_DEBIT_KEYS."

    def handle(self, *args, **options):
        count = 0
        # Values are decrypted on the way in (by whichever key made them) and encrypted on the
        # way out by the newest key.
        for instruction in Instruction.objects.only("pk", "sort_code", "account_number").iterator():
            with transaction.atomic():
                Instruction.objects.filter(pk=instruction.pk).update(
                    sort_code=instruction.sort_code, account_number=instruction.account_number
                )
            count += 1
        self.stdout.write(f"Re-encrypted the bank details of {count} instruction(s).")
