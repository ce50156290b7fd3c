"""The demo council has two Direct Debit sign-ups in English and Welsh, and instructions in
every status in the Revenues queue."""

import io

from django.core.management import call_command

import pytest

from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import DirectDebitPage, Instruction

from .conftest import text

pytestmark = pytest.mark.django_db


def test_the_demo_has_direct_debit_pages_in_both_languages_and_instructions(monkeypatch, client):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2026")
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # a second run adds nothing

    titles = set(DirectDebitPage.objects.live().values_list("title", flat=True))
    assert titles == {
        "Pay your council tax by Direct Debit",
        "Pay for garden waste by Direct Debit",
        "Talu eich treth gyngor drwy Ddebyd Uniongyrchol",
        "Talu am wastraff gardd drwy Ddebyd Uniongyrchol",
    }
    assert {i.status for i in Instruction.objects.all()} == set(InstructionStatus.values)
    assert Instruction.objects.count() == 8
    assert all(i.case.queue.name == "Revenues" for i in Instruction.objects.all())

    for page in DirectDebitPage.objects.live():
        start = client.get(f"{page.url}start/")
        assert start.status_code == 200, page.url
        assert page.get_parent().specific.start_page_id == page.pk
    welsh = DirectDebitPage.objects.get(
        locale__language_code="cy", slug="debyd-uniongyrchol", title__startswith="Talu eich"
    )
    assert welsh.url.startswith("/cy/")
    assert "Talwch eich treth gyngor yn awtomatig" in text(client.get(f"{welsh.url}start/"))
