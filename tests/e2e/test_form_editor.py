"""An editor changes a branching rule in the page editor by picking from its lists, and a rule
that cannot match is refused with the problem next to it; the form says where its cases go."""

import copy
import re

import pytest
from playwright.sync_api import expect

from forms_app.cases.models import Queue, RoutingRule
from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage
from tests.factories import UserFactory

from .conftest import sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "forms-and-rules-31"


@pytest.fixture
def missed_bin(service_page):
    journey = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=copy.deepcopy(demo.MISSED_BIN),
        confirmation_heading="Report sent",
        what_happens_next="<p>Our team will look at it within 2 working days.</p>",
    )
    service_page.add_child(instance=journey)
    journey.save_revision().publish()
    waste = Queue.objects.create(name="Waste", sla_working_days=2)
    Queue.objects.create(name="Customer services", is_default=True)
    RoutingRule.objects.create(journey=journey, queue=waste)
    return journey


@pytest.fixture
def editor(page, missed_bin):
    user = UserFactory(username="web_editor", is_superuser=True, is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    sign_in_to_admin(page, "web_editor", PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(f"/admin/pages/{missed_bin.pk}/edit/")
    return page


def _first_rule_answer(page):
    return page.locator("select[name='steps-0-value-rules-0-value-answer']")


def _publish(page):
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()


def test_an_editor_picks_a_rules_answer_and_publishes_it(editor, missed_bin):
    answer = _first_rule_answer(editor)
    expect(answer).to_have_value("general")
    answer.select_option(label="Which bin was missed? — Garden waste (brown bin)")
    # The Welsh-proof value is what is kept, not the words.
    expect(answer).to_have_value("garden")

    _publish(editor)

    live = JourneyPage.objects.get(pk=missed_bin.pk)
    assert live.steps[0].value["rules"][0]["answer"] == "garden"
    assert live.journey().steps[0].rules["garden"] == "collection-day"


def test_a_rule_that_cannot_match_is_refused_next_to_it(editor, missed_bin):
    # "Yes" belongs to the yes/no questions, not to this page's radios.
    _first_rule_answer(editor).select_option(label="Yes")

    _publish(editor)

    expect(
        editor.get_by_text("The page could not be saved due to validation errors")
    ).to_be_visible()
    rule = editor.locator("[data-contentpath='rules']").first
    expect(rule).to_contain_text(
        "A rule on ‘bin-type’ is for the answer ‘yes’, which is not an option of ‘Which bin was "
        "missed?’."
    )
    live = JourneyPage.objects.get(pk=missed_bin.pk)
    assert live.steps[0].value["rules"][0]["answer"] == "general"


def test_the_form_edit_page_says_where_its_cases_go(editor):
    panel = editor.locator("[id$='where_cases_go-content']")
    expect(panel).to_contain_text("Cases from this form go to: Waste")
    expect(panel.get_by_role("link", name="Send this form’s cases to a queue")).to_be_visible()
