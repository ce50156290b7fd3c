"""A resident asks to cancel a Direct Debit, with and without JavaScript, in English and Welsh,
with no accessibility violations on any state of the page."""

import pytest

from forms_app.cases.models import Queue
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from tests.factories.direct_debit import InstructionFactory

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def instruction(home_page):
    Queue.objects.get_or_create(name="Revenues", defaults={"is_default": True})
    return InstructionFactory(status=InstructionStatus.ACTIVE)


def _ask(page, reference, postcode, button="Cancel the Direct Debit"):
    page.locator("input[name=reference]").fill(reference)
    page.locator("input[name=postcode]").fill(postcode)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


@pytest.mark.parametrize("address", ["/cancel-direct-debit/", "/cy/cancel-direct-debit/"])
def test_every_state_of_the_page_is_accessible(page, instruction, address):
    page.goto(address)
    assert axe_violations(page) == []
    button = page.locator("main form button").inner_text()
    _ask(page, "", "", button)
    assert page.title().startswith(("Error:", "Gwall:"))
    summary = page.locator(".govuk-error-summary")
    assert summary.evaluate("el => el === document.activeElement")
    assert axe_violations(page) == []
    _ask(page, instruction.reference, "GR1 2BD", button)
    assert page.locator(".govuk-panel").is_visible()
    assert axe_violations(page) == []


def test_a_resident_cancels_without_javascript(page_without_js, instruction):
    page = page_without_js
    page.goto("/cancel-direct-debit/")
    _ask(page, "AB", "nowhere")
    assert page.locator(".govuk-error-summary").is_visible()
    _ask(page, instruction.reference.lower(), "gr1 2bd")
    assert page.locator("h1").inner_text() == "We have your request to cancel"
    assert Instruction.objects.get(pk=instruction.pk).cancel_requested_at is not None


def test_the_error_state_without_javascript_is_accessible(page, instruction):
    goto_as_without_javascript(page, "/cancel-direct-debit/")
    assert axe_violations(page) == []
