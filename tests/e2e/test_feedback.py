"""A resident tells us a page is not useful and what went wrong, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from services.feedback.models import PageFeedback

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)


def answer_no_and_say_what_went_wrong(page, service_page):
    page.goto(service_page.url)
    page.get_by_role("button", name="No this page is not useful").click()

    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    page.get_by_label("What went wrong?").fill("The collection day is wrong. I'm on 07700 900123")
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    expect(page.get_by_label("What went wrong?")).to_have_count(0)
    assert page.locator("h1").inner_text() == "Report a missed bin collection"
    stored = list(PageFeedback.objects.order_by("pk").values_list("page", "useful", "comment"))
    assert stored == [
        (service_page.pk, False, ""),
        (service_page.pk, None, "The collection day is wrong. I'm on [removed]"),
    ]


def test_answer_no_and_comment_with_javascript(page, service_page):
    answer_no_and_say_what_went_wrong(page, service_page)


def test_answer_no_and_comment_without_javascript(page_without_js, service_page):
    answer_no_and_say_what_went_wrong(page_without_js, service_page)


def test_question_and_thank_you_states_are_accessible(page, service_page):
    goto_as_without_javascript(page, service_page.url)
    expect(page.get_by_role("group", name="Is this page useful?")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("button", name="No this page is not useful").click()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Send").click()  # nothing typed
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == []

    # The summary's link takes the resident to the box to fix.
    summary.get_by_role("link", name="Enter what went wrong").click()
    expect(page.get_by_label("What went wrong?")).to_be_focused()

    page.get_by_label("What went wrong?").fill("The map does not load")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    assert axe_violations(page) == []


def test_report_a_problem_form_is_accessible_without_javascript(page, service_page):
    goto_as_without_javascript(page, f"/feedback/{service_page.pk}/problem/")
    assert page.locator("h1").inner_text() == "What went wrong?"
    assert axe_violations(page) == []
