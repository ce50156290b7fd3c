"""Routing rules are picked from the chosen form's questions and answers, and a rule that can
never match is refused, or flagged in the list if its form changed after it was written."""

import copy
import json

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.demo import CONTACT_ROUTES
from forms_app.cases.models import RoutingRule
from forms_app.cases.routing import open_case
from forms_app.journeys import demo
from tests.factories import UserFactory
from tests.factories.casework import SubmissionFactory, answer, missed_bin_answers
from tests.factories.journeys import JourneyPageFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(client):
    sign_in_verified(client, UserFactory(username="boss", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def missed_bin(service_page):
    return JourneyPageFactory(parent=service_page, title="Report a missed bin collection")


def _condition(name, value):
    return json.dumps([name, value])


def _post(client, journey, condition, queue, listed_for=None, url=None):
    return client.post(
        url or reverse("routing_rules:add"),
        {
            "journey": journey.pk,
            "condition": condition,
            "listed_for": journey.pk if listed_for is None else listed_for,
            "queue": queue.pk,
            "order": 0,
        },
    )


def _select(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    select = soup.find("select", attrs={"name": "condition"})
    return {
        (group.get("label") if group.name == "optgroup" else None): [
            (option["value"], option.get_text(strip=True))
            for option in (group.find_all("option") if group.name == "optgroup" else [group])
        ]
        for group in select.find_all(["optgroup", "option"], recursive=False)
    }


def _error_text(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(error.get_text(" ", strip=True) for error in soup.select(".error-message"))


def test_a_rule_picks_from_the_chosen_forms_questions_and_answers(manager_client, missed_bin):
    page = manager_client.get(f"{reverse('routing_rules:add')}?journey={missed_bin.pk}")

    assert page.status_code == 200
    groups = _select(page)
    assert groups[None] == [("", "Every case from this form")]
    assert groups["Which bin was missed?"] == [
        (_condition("bin", "general"), "Which bin was missed? — General waste (black bin)"),
        (_condition("bin", "recycling"), "Which bin was missed? — Recycling (blue box and bag)"),
        (_condition("bin", "food"), "Which bin was missed? — Food waste (grey caddy)"),
        (_condition("bin", "garden"), "Which bin was missed? — Garden waste (brown bin)"),
    ]
    assert groups["Was your bin due to be collected today?"] == [
        (_condition("due_today", "yes"), "Was your bin due to be collected today? — Yes"),
        (_condition("due_today", "no"), "Was your bin due to be collected today? — No"),
    ]
    soup = BeautifulSoup(page.content.decode(), "html.parser")
    assert soup.find("input", attrs={"name": "journey"})["value"] == str(missed_bin.pk)
    # The list was drawn for that form, so saving it needs no second look.
    assert soup.find("input", attrs={"name": "listed_for"})["value"] == str(missed_bin.pk)


def test_a_picked_rule_is_saved_and_sends_those_cases_to_its_queue(
    manager_client, missed_bin, waste_queue, housing_queue
):
    response = _post(manager_client, missed_bin, _condition("bin", "garden"), waste_queue)

    assert response.status_code == 302, _error_text(response)
    rule = RoutingRule.objects.get()
    assert (rule.question_name, rule.answer, rule.queue) == ("bin", "garden", waste_queue)
    garden = SubmissionFactory(journey=missed_bin, answers=missed_bin_answers(bin="garden"))
    assert open_case(garden).queue == waste_queue
    food = SubmissionFactory(
        reference="FOOD2222", journey=missed_bin, answers=missed_bin_answers(bin="food")
    )
    assert open_case(food).queue == housing_queue

    # Editing it shows the answer picked.
    edit = manager_client.get(reverse("routing_rules:edit", args=[rule.pk]))
    soup = BeautifulSoup(edit.content.decode(), "html.parser")
    assert soup.select_one("select[name=condition] option[selected]")["value"] == _condition(
        "bin", "garden"
    )


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        (
            _condition("bin", "compost"),
            "‘compost’ is not an option of ‘Which bin was missed?’, so this rule would never "
            "match. Choose one of ‘General waste (black bin)’, ‘Recycling (blue box and bag)’, "
            "‘Food waste (grey caddy)’, ‘Garden waste (brown bin)’.",
        ),
        (
            _condition("colour", "red"),
            "‘Report a missed bin collection’ has no question called ‘colour’ with options to "
            "choose from, so this rule would never match.",
        ),
        (
            # A question with no options to match.
            _condition("full_name", "Sam"),
            "‘Report a missed bin collection’ has no question called ‘full_name’ with options "
            "to choose from, so this rule would never match.",
        ),
    ],
)
def test_a_rule_that_could_never_match_is_refused(
    manager_client, missed_bin, waste_queue, condition, message
):
    response = _post(manager_client, missed_bin, condition, waste_queue)

    assert response.status_code == 200
    assert message in _error_text(response)
    assert not RoutingRule.objects.exists()


def test_after_choosing_another_form_its_list_is_shown_before_anything_is_saved(
    manager_client, missed_bin, waste_queue
):
    # The add page was opened with no form chosen, so its list had only "every case".
    first = _post(manager_client, missed_bin, "", waste_queue, listed_for="")

    assert first.status_code == 200
    assert not RoutingRule.objects.exists()
    assert "The list now shows this form’s questions and answers." in _error_text(first)
    assert "Which bin was missed?" in _select(first)

    second = _post(manager_client, missed_bin, "", waste_queue)
    assert second.status_code == 302
    rule = RoutingRule.objects.get()
    assert (rule.question_name, rule.answer) == ("", "")


def test_rules_that_can_no_longer_match_are_flagged_in_the_list(
    manager_client, missed_bin, waste_queue
):
    RoutingRule.objects.create(
        journey=missed_bin, question_name="bin", answer="garden", queue=waste_queue
    )
    RoutingRule.objects.create(
        journey=missed_bin, question_name="bin", answer="glass", queue=waste_queue, order=1
    )
    RoutingRule.objects.create(
        journey=missed_bin, question_name="bin_type", answer="garden", queue=waste_queue, order=2
    )

    listing = manager_client.get(reverse("routing_rules:index"))

    soup = BeautifulSoup(listing.content.decode(), "html.parser")
    rows = [row.get_text(" ", strip=True) for row in soup.select("tbody tr")]
    assert len(rows) == 3
    assert "never match" not in rows[0]
    assert "‘glass’ is not an option of ‘Which bin was missed?’" in rows[1]
    assert "has no question called ‘bin_type’" in rows[2]


def test_a_rule_on_a_checkbox_answer_matches_in_any_language(service_page, waste_queue):
    fly_tipping = JourneyPageFactory(
        parent=service_page, title="Report fly-tipping", steps=copy.deepcopy(demo.FLY_TIPPING)
    )
    rule = RoutingRule(
        journey=fly_tipping, question_name="waste_types", answer="hazardous", queue=waste_queue
    )
    rule.full_clean()
    rule.save()
    # Checkbox answers are stored as the options' words.
    submission = SubmissionFactory(
        journey=fly_tipping,
        answers=[
            answer(
                "waste_types",
                ["Tyres", "Asbestos or chemicals"],
                type="checkboxes",
                label="What has been dumped?",
            )
        ],
    )

    assert open_case(submission).queue == waste_queue


def test_the_demo_councils_routing_rules_pass_the_check(service_page, waste_queue):
    contact = JourneyPageFactory(
        parent=service_page, title="Contact the council", steps=copy.deepcopy(demo.CONTACT)
    )
    for order, answer_value in enumerate(CONTACT_ROUTES):
        rule = RoutingRule(
            journey=contact,
            question_name="topic",
            answer=answer_value,
            queue=waste_queue,
            order=order,
        )
        rule.full_clean()
        assert rule.problems() == {}
