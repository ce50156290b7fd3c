"""Revenues staff produce, list and download AUDDIS files and import reports in the admin; no
one else can."""

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from forms_app.direct_debit.bacs.lodging import produce_files
from forms_app.direct_debit.bacs.models import AuddisFile, BankReport
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from tests.factories import UserFactory
from tests.factories.direct_debit import InstructionFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

HEADER = (
    b"report_type,date,reference,reason_code,new_sort_code,new_account_number,new_account_name\n"
)


@pytest.fixture(autouse=True)
def ready(revenues_queue, bacs_settings):
    pass


@pytest.fixture
def officer_client(client, revenues_officer):
    sign_in_verified(client, revenues_officer)
    return client


@pytest.fixture
def other_staff_client(client):
    group = Group.objects.create(name="Waste")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory(username="waste_officer")
    user.groups.add(group)
    sign_in_verified(client, user)
    return client


def test_revenues_staff_produce_a_file_and_download_it(officer_client):
    instruction = InstructionFactory()
    page = officer_client.get(reverse("bacs_auddis_files"))
    assert "1 new instruction is waiting to be sent" in page.content.decode()

    response = officer_client.post(reverse("bacs_auddis_files"), follow=True)
    assert "File 1 produced: 1 new instructions, 0 cancellations." in response.content.decode()
    auddis_file = AuddisFile.objects.get()
    assert Instruction.objects.get(pk=instruction.pk).status == InstructionStatus.LODGED
    listing = response.content.decode()
    assert "000001" in listing
    # The listing shows no account numbers; only the file itself has them.
    assert "66374958" not in listing

    download = officer_client.get(reverse("bacs_auddis_file_download", args=[auddis_file.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="auddis-123456-000001.txt"'
    assert "66374958" in download.content.decode()

    again = officer_client.post(reverse("bacs_auddis_files"), follow=True)
    assert "There was nothing to send to the bank." in again.content.decode()


def test_missing_bank_details_are_explained(officer_client, bacs_settings):
    bacs_settings.originating_sort_code = ""
    bacs_settings.save()
    InstructionFactory()
    response = officer_client.post(reverse("bacs_auddis_files"), follow=True)
    assert "Settings &gt; Bacs files" in response.content.decode()
    assert not AuddisFile.objects.exists()


def test_other_staff_can_neither_see_nor_download_files(other_staff_client):
    InstructionFactory()
    (auddis_file,) = produce_files().files
    for url in (
        reverse("bacs_auddis_files"),
        reverse("bacs_auddis_file_download", args=[auddis_file.pk]),
        reverse("bacs_bank_reports"),
    ):
        response = other_staff_client.get(url)
        assert response.status_code in (302, 403)
        assert "66374958" not in response.content.decode()
    assert other_staff_client.post(reverse("bacs_auddis_files")).status_code in (302, 403)
    menu = other_staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "AUDDIS files" not in menu


def test_revenues_staff_import_a_report_and_see_the_lines_not_applied(officer_client):
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    data = (
        HEADER
        + (
            f"ADDACS,2026-12-02,{instruction.reference},C,401276,41234567,\n"
            "ADDACS,2026-12-02,NOBODY123,1,,,\n"
        ).encode()
    )
    upload = SimpleUploadedFile("addacs.csv", data, content_type="text/csv")
    response = officer_client.post(reverse("bacs_bank_reports"), {"report": upload}, follow=True)
    content = response.content.decode()
    assert "Report imported." in content
    assert "1 line was not applied" in content
    assert "No instruction has this reference" in content
    assert "NOBODY123" in content
    assert "41234567" not in content  # masked even here
    assert Instruction.objects.get(pk=instruction.pk).account_number == "41234567"

    again = SimpleUploadedFile("addacs.csv", data, content_type="text/csv")
    response = officer_client.post(reverse("bacs_bank_reports"), {"report": again}, follow=True)
    assert "already imported" in response.content.decode()
    assert BankReport.objects.count() == 1


def test_a_file_that_is_not_a_report_gets_an_error_and_changes_nothing(officer_client):
    upload = SimpleUploadedFile("notes.csv", b"hello,world\n", content_type="text/csv")
    response = officer_client.post(reverse("bacs_bank_reports"), {"report": upload})
    assert response.status_code == 400
    assert "Missing: report_type" in response.content.decode()
    assert not BankReport.objects.exists()
    empty = officer_client.post(reverse("bacs_bank_reports"), {})
    assert "Choose the report file to import" in empty.content.decode()
