"""A resident sets up a Direct Debit in the browser, in English and in Welsh, with JavaScript on
and off: an account number that fails the modulus check first (the GOV.UK error state, nothing
typed lost), then the right one, through check your answers to the confirmation. With
JavaScript on, axe checks every step, the error state included.

The account numbers are the Vocalink specification's test cases: 089999 66374959 fails,
089999 66374958 passes.
"""

import io
import re
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from forms_app.direct_debit.models import DirectDebitPage, Instruction

from .conftest import axe_violations, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "demo-pass-2026"
BAD_ACCOUNT = "66374959"
GOOD_ACCOUNT = "66374958"
FAILED_CHECK = (
    "Check your account number and sort code. They do not match a bank account that can pay "
    "by Direct Debit"
)
PAGE_TITLES = {
    "en": "Pay your council tax by Direct Debit",
    "cy": "Talu eich treth gyngor drwy Ddebyd Uniongyrchol",
}


@pytest.fixture
def council(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    call_command("seed_demo", stdout=io.StringIO())
    # Browser tests end by emptying the database, modulus data included: load it as its
    # migration does (it does nothing if the data is there).
    migration = import_module("forms_app.direct_debit.modulus.migrations.0002_valacdos_v8_50_ddmod")
    migration.load(apps, None)


def _squash(text):
    return " ".join(text.split())


class Payer:
    def __init__(self, page, *, js):
        self.page = page
        self.js = js
        self.checked = 0

    def audit(self):
        if self.js:
            assert axe_violations(self.page) == [], self.page.url
            self.checked += 1

    def go_on(self, selector="main form button.govuk-button:not([name=save_and_return])"):
        with self.page.expect_navigation():
            self.page.locator(selector).first.click()

    def at(self, step):
        expect(self.page).to_have_url(re.compile(rf".*/{step}/(\?.*)?$"))
        expect(self.page.locator(".govuk-error-summary")).to_have_count(0)
        self.audit()


@pytest.fixture(params=[True, False], ids=["with-javascript", "without-javascript"])
def payer(request, live_server):
    page = request.getfixturevalue("page" if request.param else "page_without_js")
    return Payer(page, js=request.param)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_set_up_a_direct_debit(payer, council, language):
    sign_up = DirectDebitPage.objects.get(title=PAGE_TITLES[language])
    page = payer.page
    page.goto(sign_up.get_parent().url)
    expect(page.locator("html")).to_have_attribute("lang", language)
    with page.expect_navigation():
        page.locator("a.govuk-button--start").click()

    payer.at("start")
    # "Set up a Direct Debit with …" / "Sefydlu Debyd Uniongyrchol gyda …"
    expect(page.locator("h1")).to_contain_text(
        {"en": "Direct Debit", "cy": "Debyd Uniongyrchol"}[language]
    )
    payer.go_on()

    payer.at("your-details")
    page.fill("[name=payer_name]", "Sam Jones")
    page.fill("[name=payer_address_0]", "1 High St")
    page.fill("[name=payer_address_2]", "Glanrhyd")
    page.fill("[name=payer_address_3]", "GR1 2BD")
    page.fill("[name=payer_email]", "sam@example.com")
    page.fill("[name=account_reference]", "1234 5678")
    page.check("[name=payment_day][value='15']")
    payer.go_on()

    payer.at("bank-details")
    page.fill("[name=bank_details_0]", "S Jones")
    page.fill("[name=bank_details_1]", "08-99-99")
    page.fill("[name=bank_details_2]", BAD_ACCOUNT)
    payer.go_on()
    # The GOV.UK error state: a summary linking to the field, the message beside it.
    assert page.title().startswith(("Error: ", "Gwall: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    links = summary.get_by_role("link")
    expect(links).to_have_count(1)
    target = links.first.get_attribute("href")
    assert page.locator(f"[id='{target[1:]}']").count() == 1
    if language == "en":
        expect(links.first).to_have_text(FAILED_CHECK)
    if payer.js:
        expect(summary).to_be_focused()
    # Nothing typed is lost.
    expect(page.locator("[name=bank_details_0]")).to_have_value("S Jones")
    expect(page.locator("[name=bank_details_2]")).to_have_value(BAD_ACCOUNT)
    payer.audit()
    page.fill("[name=bank_details_2]", GOOD_ACCOUNT)
    payer.go_on()

    payer.at("authorise")
    page.check("[name=sole_signatory][value=yes]")
    payer.go_on()

    payer.at("check-your-answers")
    shown = _squash(page.locator("main").inner_text())
    assert "08-99-99" in shown and GOOD_ACCOUNT in shown  # their own details, to check
    payer.go_on("#send-form")

    panel = page.locator(".govuk-panel--confirmation")
    expect(panel).to_be_visible()
    instruction = Instruction.objects.get(account_name="S Jones")  # the demo has others
    expect(panel).to_contain_text(instruction.reference)
    main = _squash(page.locator("main").inner_text())
    assert GOOD_ACCOUNT not in main
    assert "58" in main and "987654" in main
    expect(page.locator("html")).to_have_attribute("lang", language)
    # How to cancel online, in the resident's language.
    cancel = "/cancel-direct-debit/" if language == "en" else f"/{language}/cancel-direct-debit/"
    expect(page.locator(f"main a[href='{cancel}']")).to_have_count(1)
    payer.audit()
    assert instruction.account_number == GOOD_ACCOUNT
    assert instruction.case.language == language
    if payer.js:
        assert payer.checked == 7  # six steps and the error state

    in_revenues_queue_only(page, instruction.case)


def sign_in(page, username):
    page.context.clear_cookies()
    sign_in_to_admin(page, username, DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))


def in_revenues_queue_only(page, case):
    """The case is in the Revenues queue: a Revenues officer finds it in their list of cases; an
    officer of another queue finds it neither in theirs nor at its own address."""
    assert case.queue.name == "Revenues"
    case_url = reverse("cases:inspect", args=[case.pk])
    sign_in(page, "revenues_officer")
    page.goto(f"/admin/cases/?q={case.reference}")
    row = page.locator("#listing-results tbody tr").filter(
        has=page.locator(f"a[href='{case_url}']")
    )
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Revenues")
    assert page.goto(case_url).status == 200

    sign_in(page, "housing_officer")
    page.goto(f"/admin/cases/?q={case.reference}")
    expect(page.locator(f"a[href='{case_url}']")).to_have_count(0)
    assert page.goto("/admin/cases/").status == 200  # they may see their own queue's cases
    expect(page.get_by_role("heading", name="Cases", level=1)).to_be_visible()
    expect(page.locator(f"a[href='{case_url}']")).to_have_count(0)
    assert page.goto(case_url).status == 404
