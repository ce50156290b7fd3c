"""A resident checks the progress of their case, with and without JavaScript."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from forms_app.cases.enums import CaseStatus, UpdateKind
from forms_app.cases.models import Case, Queue
from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/check-progress/"


@pytest.fixture
def case(service_page):
    journey = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=MISSED_BIN,
        what_happens_next="<p>We will collect it.</p>",
    )
    service_page.add_child(instance=journey)
    queue = Queue.objects.create(name="Waste", group=Group.objects.create(name="Waste"))
    due = timezone.localdate() + datetime.timedelta(days=3)
    case = Case.objects.create(
        reference="HT7K9QWX",
        journey=journey,
        summary="Report a missed bin collection",
        queue=queue,
        status=CaseStatus.IN_PROGRESS,
        due_date=due,
        resident_name="Alys Morgan",
        resident_email="alys@example.com",
        resident_postcode="GR1 2BD",
    )
    case.updates.create(kind=UpdateKind.NOTE, text="Internal: crew short-staffed")
    case.updates.create(
        kind=UpdateKind.MESSAGE, public=True, text="A crew will come back on Monday."
    )
    return case


def _look_up(page, reference, contact):
    page.get_by_label("Reference number").fill(reference)
    page.get_by_label("Email address or postcode").fill(contact)
    with page.expect_navigation():
        page.get_by_role("button", name="Check progress").click()


def test_a_resident_checks_progress_with_javascript(page, case):
    page.goto(URL)
    assert page.locator("h1").inner_text() == "Check the progress of your form"
    assert axe_violations(page) == []

    _look_up(page, "ht7k 9qwx", "wrong@example.com")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "We could not find a case with those details" in summary.inner_text()
    # GOV.UK Frontend moves focus to the summary so screen readers announce it.
    assert summary.evaluate("el => el === document.activeElement")
    assert axe_violations(page) == []

    _look_up(page, "ht7k 9qwx", "gr1 2bd")
    assert page.locator("main .govuk-tag").inner_text().lower() == "in progress"
    main = page.locator("main").inner_text()
    assert "A crew will come back on Monday." in main
    assert "crew short-staffed" not in main
    assert "Alys" not in main
    assert axe_violations(page) == []


def test_a_resident_checks_progress_without_javascript(page_without_js, case):
    page = page_without_js
    page.goto(URL)
    _look_up(page, "", "")
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").is_visible()

    _look_up(page, "HT7K-9QWX", "alys@example.com")
    assert page.locator("h1").inner_text() == "Report a missed bin collection"
    assert "A crew will come back on Monday." in page.locator("main").inner_text()


def test_the_error_state_without_javascript_is_accessible(page, case):
    goto_as_without_javascript(page, URL)
    assert axe_violations(page) == []
    page.get_by_label("Reference number").fill("nonsense")
    with page.expect_navigation():
        page.get_by_role("button", name="Check progress").click()
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == []
