"""Residents switch between English and Welsh in the browser, and complete a form in Welsh.

The demo council is seeded with its Welsh translation; axe checks pages in both languages.
"""

import io
import re

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from forms_app.journeys.models import Submission
from home.demo_cy import seed_welsh

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)

SERVICE_EN = "/bins-and-recycling/report-a-missed-bin-collection/"
SERVICE_CY = "/cy/biniau-ac-ailgylchu/rhoi-gwybod-am-fin-heb-ei-gasglu/"
REFERENCE = re.compile(r"[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}")


@pytest.fixture
def council(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2026")
    call_command("seed_demo", stdout=io.StringIO())
    seed_welsh(io.StringIO())


def _language_link(page, name):
    return page.get_by_role("navigation", name=re.compile("Language|Iaith")).get_by_role(
        "link", name=name
    )


def test_switch_a_service_page_to_welsh_and_back(page, council):
    page.goto(SERVICE_EN)
    assert axe_violations(page) == []
    _language_link(page, "Newid yr iaith i’r Gymraeg").click()
    expect(page).to_have_url(re.compile(re.escape(SERVICE_CY) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rhoi gwybod am fin heb ei gasglu")
    expect(page.get_by_role("link", name="Neidio i’r prif gynnwys")).to_be_attached()
    assert axe_violations(page) == []
    _language_link(page, "English").click()
    expect(page).to_have_url(re.compile(re.escape(SERVICE_EN) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_switcher_without_javascript_has_no_axe_violations(page, council):
    for url in (SERVICE_EN, SERVICE_CY):
        goto_as_without_javascript(page, url)
        assert axe_violations(page) == [], url


def test_switch_language_without_javascript(page_without_js, council):
    page = page_without_js
    page.goto(SERVICE_EN)
    _language_link(page, "Newid yr iaith i’r Gymraeg").click()
    expect(page).to_have_url(re.compile(re.escape(SERVICE_CY) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rhoi gwybod am fin heb ei gasglu")


def test_complete_the_missed_bin_form_in_welsh(page, council):
    page.goto(SERVICE_CY)
    page.get_by_role("button", name="Dechrau nawr").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Pa fin na chafodd ei gasglu?")
    # The form's pages have Welsh addresses.
    expect(page).to_have_url(re.compile(re.escape(f"{SERVICE_CY}ffurflen/math-o-fin/") + "$"))
    page.get_by_role("button", name="Parhau").click()  # nothing chosen: a Welsh error
    expect(page.locator(".govuk-error-summary")).to_contain_text("Mae problem")
    assert axe_violations(page) == []
    page.get_by_label("Gwastraff cyffredinol (bin du)").check()
    page.get_by_role("button", name="Parhau").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Oedd disgwyl i’ch bin gael ei gasglu heddiw?"
    )
    expect(page).to_have_url(re.compile(r"/ffurflen/diwrnod-casglu/$"))
    page.get_by_label("Na", exact=True).check()
    page.get_by_role("button", name="Parhau").click()

    page.get_by_label("Llinell 1 y cyfeiriad").fill("12 Heol Ddu")
    page.get_by_label("Tref neu ddinas").fill("Glanrhyd")
    page.get_by_label("Cod post").fill("GR1 1AA")
    page.get_by_role("button", name="Parhau").click()

    page.get_by_label("Enw llawn").fill("Carys Lloyd")
    page.get_by_label("Cyfeiriad e-bost").fill("carys@example.com")
    page.get_by_role("button", name="Parhau").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gwiriwch eich atebion cyn anfon eich ffurflen"
    )
    assert axe_violations(page) == []
    page.get_by_role("button", name="Anfon y ffurflen").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Adroddiad wedi’i anfon")
    expect(page.locator(".govuk-panel__body")).to_contain_text(REFERENCE)
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    assert axe_violations(page) == []
    assert Submission.objects.get().language == "cy"
