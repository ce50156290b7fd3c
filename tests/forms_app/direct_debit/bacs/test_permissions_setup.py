"""The Revenues group is given `bacs.produce_auddis_file`: by migration where the group already
exists, and by seed_demo for the demo council, which also keeps one AUDDIS file."""

import importlib
import io

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

import pytest

from forms_app.direct_debit.bacs.demo import seed_bacs
from forms_app.direct_debit.bacs.models import AuddisFile, BacsSettings
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

grant_migration = importlib.import_module(
    "forms_app.direct_debit.bacs.migrations.0002_grant_revenues_ddbacs"
)


def has_permission(group):
    return group.permissions.filter(
        content_type__app_label="bacs", codename="produce_auddis_file"
    ).exists()


def test_the_migration_grants_an_existing_revenues_group():
    group = Group.objects.create(name="Revenues")
    grant_migration.grant(apps, None)
    assert has_permission(group)


def test_the_migration_does_nothing_without_the_group():
    grant_migration.grant(apps, None)
    assert not Group.objects.filter(name="Revenues").exists()


def test_the_demo_grants_revenues_and_fills_in_the_bank_details_once():
    out = io.StringIO()
    seed_bacs(out)
    assert has_permission(Group.objects.get(name="Revenues"))
    bacs_settings = BacsSettings.load()
    assert bacs_settings.originating_account_number == "55779911"
    bacs_settings.originating_account_number = "12345678"
    bacs_settings.save()
    again = io.StringIO()
    seed_bacs(again)
    assert again.getvalue() == ""
    assert BacsSettings.load().originating_account_number == "12345678"


def test_the_demo_has_one_auddis_file_of_its_lodged_instructions(monkeypatch, client):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2026")
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # a second run adds nothing

    auddis_file = AuddisFile.objects.get()
    lodged = Instruction.objects.filter(status=InstructionStatus.LODGED)
    assert auddis_file.new_count == lodged.count() > 0
    assert set(auddis_file.entries.values_list("instruction", flat=True)) == set(
        lodged.values_list("pk", flat=True)
    )
    sign_in_verified(client, get_user_model().objects.get(username="revenues_officer"))
    listing = client.get(reverse("bacs_auddis_files")).content.decode()
    assert "000001" in listing
    download = client.get(reverse("bacs_auddis_file_download", args=[auddis_file.pk]))
    assert download.status_code == 200
    assert download.content.decode().startswith("VOL1000001")
