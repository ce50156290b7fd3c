"""Re-encrypt every kept AUDDIS file under the newest key in DIRECT_DEBIT_KEYS.

Files hold whole account numbers and are encrypted with the same keys as instructions' bank
details: when rotating, run this beside `rotate_direct_debit_keys`, before the old key is
dropped, or the old files can no longer be downloaded.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from forms_app.direct_debit.bacs.models import AuddisFile


class Command(BaseCommand):
    help = "Re-encrypt kept AUDDIS files under the newest key in DIRECT_DEBIT_KEYS."

    def handle(self, *args, **options):
        count = 0
        for auddis_file in AuddisFile.objects.only("pk", "content").iterator():
            with transaction.atomic():
                AuddisFile.objects.filter(pk=auddis_file.pk).update(content=auddis_file.content)
            count += 1
        self.stdout.write(f"Re-encrypted {count} AUDDIS file(s).")
