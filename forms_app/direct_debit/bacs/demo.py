"""The demo council's Bacs set-up, for `manage.py seed_demo`: Revenues staff may produce AUDDIS
files and import reports, and the council's (made-up) bank account and service user are filled in.
Each is done only when missing, so a second run changes nothing."""

from django.contrib.auth.models import Group, Permission

from .models import BacsSettings

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
