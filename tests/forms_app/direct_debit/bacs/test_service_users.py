"""Instructions are lodged under their Direct Debit page's service user number and name; pages
with different numbers make different files."""

import datetime

import pytest
import time_machine

from forms_app.direct_debit.bacs.lodging import produce_files
from forms_app.direct_debit.models import DirectDebitPage
from tests.factories.direct_debit import InstructionFactory

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC), tick=False)
def test_each_service_user_gets_its_own_file(dd_page, bacs_settings):
    garden = DirectDebitPage(
        title="Pay for garden waste by Direct Debit",
        slug="garden-waste-direct-debit",
        service_user_name="GLANRHYD GARDEN",
        service_user_number="654321",
        reference_label="Garden waste account",
        reference_digits=8,
        reference_example="12345678",
        confirmation_heading="Direct Debit set up",
        what_happens_next="<p>We will write to you.</p>",
    )
    dd_page.get_parent().add_child(instance=garden)
    council_tax = InstructionFactory(page=dd_page)
    garden_waste = InstructionFactory(page=garden)
    default = InstructionFactory(page=None)  # the settings' default number, also 123456

    files = {auddis_file.service_user_number: auddis_file for auddis_file in produce_files().files}
    assert set(files) == {"123456", "654321"}
    council_tax_file = files["123456"].content
    assert "A123456S  123456" in council_tax_file
    assert council_tax.reference in council_tax_file
    assert "GLANRHYD COUNCIL  " in council_tax_file  # the page's service user name
    assert default.reference in council_tax_file
    assert garden_waste.reference in files["654321"].content
    assert "GLANRHYD GARDEN" in files["654321"].content
    assert {f.serial for f in files.values()} == {1, 2}
