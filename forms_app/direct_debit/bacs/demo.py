"""The demo council's Bacs set-up, for `manage.py seed_demo`: Revenues staff may produce AUDDIS
files and import reports, and the council's (made-up) bank account and service user are filled in.
Each is done only when missing, so a second run changes nothing."""

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction

from .enums import TransactionCode
from .lodging import originator_for, processing_date
from .models import AuddisEntry, AuddisFile, BacsSettings
from .standard18 import AuddisRecord, write_file

REVENUES = "Revenues"
# Made up: 20-00-00 is no real council's account, and SUN 999999 is no real service user.
DEMO_BANK = {
    "originating_sort_code": "20-00-00",
    "originating_account_number": "55779911",
    "default_service_user_number": "999999",
    "default_service_user_name": "GLANRHYD CBC",
}


def seed_bacs(stdout):
    group, _ = Group.objects.get_or_create(name=REVENUES)
    permission = Permission.objects.get(
        content_type__app_label="bacs", codename="produce_auddis_file"
    )
    if not group.permissions.filter(pk=permission.pk).exists():
        group.permissions.add(permission)
        stdout.write("Revenues staff can now produce AUDDIS files and import bank reports.")
    bacs_settings = BacsSettings.load()
    if not bacs_settings.originating_account_number:
        for name, value in DEMO_BANK.items():
            setattr(bacs_settings, name, value)
        bacs_settings.save()
        stdout.write("Set the demo council's Bacs details.")


def seed_auddis_file(stdout):
    """The file the demo's lodged instructions went to the bank in, as if produced the day they
    were lodged: kept and downloadable like any other. Statuses are left as the demo set them."""
    if AuddisFile.objects.exists():
        return
    lodged = list(
        Instruction.objects.filter(
            status=InstructionStatus.LODGED, auddis_entries__isnull=True
        ).order_by("pk")
    )
    if not lodged:
        return
    bacs_settings = BacsSettings.load()
    originator = originator_for(lodged[0], bacs_settings)
    today = timezone.localdate()
    records = [
        AuddisRecord(
            instruction.sort_code,
            instruction.account_number,
            TransactionCode.NEW,
            instruction.reference,
            instruction.account_name,
        )
        for instruction in lodged
    ]
    written = write_file(
        records,
        originator=originator,
        processing_date=processing_date(today),
        serial=1,
        created=today,
    )
    auddis_file = AuddisFile.objects.create(
        serial=1,
        service_user_number=originator.sun,
        processing_date=processing_date(today),
        content=written.text,
        new_count=written.new_count,
        cancel_count=written.cancel_count,
    )
    AuddisEntry.objects.bulk_create(
        AuddisEntry(file=auddis_file, instruction=instruction, transaction_code=TransactionCode.NEW)
        for instruction in lodged
    )
    stdout.write(f"Kept AUDDIS file 1 with the demo's {len(lodged)} lodged instruction(s).")
