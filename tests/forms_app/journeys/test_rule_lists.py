"""Branching rules are picked from lists made from the form, and a rule that cannot match is
refused: every problem at once, each next to its rule, in the page editor."""

import copy
import html
import json
import re

import pytest

from forms_app.journeys import demo
from forms_app.journeys.blocks import JourneyStepsBlock
from forms_app.journeys.models import JourneyPage
from tests.factories import UserFactory
from tests.factories.users import sign_in_verified
from tests.forms_app.journeys.test_admin import _publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    sign_in_verified(client, UserFactory(username="web-editor", is_superuser=True, is_staff=True))
    return client


def _attribute_json(page_html, attribute):
    found = re.search(rf'{attribute}="([^"]*)"', page_html)
    assert found, f"{attribute} is not on the page"
    return json.loads(html.unescape(found.group(1)))


def _find(packed, predicate):
    """The first telepath-packed object in ``packed`` for which ``predicate`` holds."""
    if isinstance(packed, dict):
        if predicate(packed):
            return packed
        children = packed.values()
    elif isinstance(packed, list):
        children = packed
    else:
        return None
    for child in children:
        found = _find(child, predicate)
        if found is not None:
            return found
    return None


def _rule_lists(page_html):
    """{"answer": [(value, words)], "go_to": [...]}: the rule's two selects, as the editor's
    browser draws them from the block definition."""
    definition = _attribute_json(page_html, "data-w-block-data-value")
    rules = _find(
        definition,
        lambda d: d.get("_type") == "wagtail.blocks.ListBlock" and d["_args"][0] == "rules",
    )
    lists = {}
    for name in ("answer", "go_to"):
        field = _find(
            rules,
            lambda d, name=name: (
                d.get("_type") == "wagtail.blocks.FieldBlock" and d["_args"][0] == name
            ),
        )
        select = field["_args"][1]["_args"][0]
        lists[name] = [
            (html.unescape(value), html.unescape(words))
            for value, words in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
        ]
    return lists


def _errors(response):
    """The block errors the page editor shows next to each block, by step index."""
    _value, errors = _attribute_json(response.content.decode(), "data-w-block-arguments-value")
    return errors["blockErrors"]


def _rule_errors(errors, step, rule):
    return errors[str(step)]["blockErrors"]["rules"]["blockErrors"][str(rule)]["blockErrors"]


def test_an_editor_picks_a_rules_answer_and_page_from_the_forms_own_lists(
    editor_client, missed_bin
):
    page_html = editor_client.get(f"/admin/pages/{missed_bin.pk}/edit/").content.decode()

    lists = _rule_lists(page_html)
    assert lists["answer"] == [
        ("", "- Select an option -"),
        ("general", "Which bin was missed? — General waste (black bin)"),
        ("recycling", "Which bin was missed? — Recycling (blue box and bag)"),
        ("food", "Which bin was missed? — Food waste (grey caddy)"),
        ("garden", "Which bin was missed? — Garden waste (brown bin)"),
        # Two yes/no questions share these: each is listed once.
        ("yes", "Yes"),
        ("no", "No"),
    ]
    assert lists["go_to"][1:] == [
        ("bin-type", "bin-type: Which bin was missed?"),
        ("garden-subscription", "garden-subscription: Do you pay for garden waste collections?"),
        ("collection-day", "collection-day: Was your bin due to be collected today?"),
        ("address", "address: Where was the bin missed?"),
        ("contact-details", "contact-details: Your contact details"),
        ("too-early", "too-early: Wait until the end of your collection day"),
        ("no-subscription", "no-subscription: You need a garden waste subscription"),
    ]
    assert "save a draft and it appears here" in page_html


def test_a_rule_typed_in_another_case_or_no_longer_in_the_form_is_shown_not_lost(
    editor_client, missed_bin
):
    steps = copy.deepcopy(demo.MISSED_BIN)
    steps[1]["value"]["rules"] = [{"answer": "No", "go_to": "no-subscription"}]
    steps[2]["value"]["rules"] = [{"answer": "yes", "go_to": "gone-page"}]
    missed_bin.steps = steps
    missed_bin.save_revision()

    page_html = editor_client.get(f"/admin/pages/{missed_bin.pk}/edit/").content.decode()

    values, _errors = _attribute_json(page_html, "data-w-block-arguments-value")
    assert values[1]["value"]["rules"][0]["value"]["answer"] == ["no"]
    assert ("gone-page", "gone-page (not in this form)") in _rule_lists(page_html)["go_to"]


def test_every_rule_that_cannot_match_is_refused_next_to_its_rule(editor_client, missed_bin):
    revisions_before = missed_bin.revisions.count()
    steps = copy.deepcopy(demo.MISSED_BIN)
    # Not an option at all.
    steps[0]["value"]["rules"][0]["answer"] = "compost"
    # An option of another page's question.
    steps[1]["value"]["rules"] = [{"answer": "garden", "go_to": "no-subscription"}]
    # Back up the form, and to a page that does not exist.
    steps[2]["value"]["rules"] = [
        {"answer": "yes", "go_to": "bin-type"},
        {"answer": "no", "go_to": "no-such-page"},
    ]
    # A page whose only question cannot branch.
    steps[3]["value"]["rules"] = [{"answer": "yes", "go_to": "contact-details"}]

    response = _publish(editor_client, missed_bin, steps)

    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in response.content.decode()
    errors = _errors(response)
    assert set(errors) == {"0", "1", "2", "3"}
    assert _rule_errors(errors, 0, 0)["answer"]["messages"] == [
        "A rule on ‘bin-type’ is for the answer ‘compost’, which is not an option of ‘Which bin "
        "was missed?’. Choose one of ‘General waste (black bin)’, ‘Recycling (blue box and "
        "bag)’, ‘Food waste (grey caddy)’, ‘Garden waste (brown bin)’."
    ]
    assert _rule_errors(errors, 1, 0)["answer"]["messages"] == [
        "A rule on ‘garden-subscription’ is for the answer ‘garden’, which is not an option of "
        "‘Do you pay for garden waste collections?’. Choose one of ‘Yes’, ‘No’."
    ]
    assert _rule_errors(errors, 2, 0) == {
        "go_to": {
            "messages": [
                "A rule on ‘collection-day’ goes back to ‘bin-type’. Rules can only go forward."
            ]
        }
    }
    assert _rule_errors(errors, 2, 1)["go_to"]["messages"] == [
        "A rule on ‘collection-day’ goes to ‘no-such-page’, but no page has that name."
    ]
    assert errors["3"]["blockErrors"]["rules"]["messages"] == [
        "The page ‘address’ has rules but no radios or yes/no question."
    ]
    # Nothing was saved: residents still follow the published rules.
    assert missed_bin.revisions.count() == revisions_before
    live = JourneyPage.objects.get(pk=missed_bin.pk)
    assert live.journey().steps[0].rules == {
        "general": "collection-day",
        "recycling": "collection-day",
        "food": "collection-day",
    }


def test_two_rules_for_one_answer_are_refused(editor_client, missed_bin):
    steps = copy.deepcopy(demo.MISSED_BIN)
    steps[2]["value"]["rules"].append({"answer": "Yes", "go_to": "address"})

    errors = _errors(_publish(editor_client, missed_bin, steps))

    assert _rule_errors(errors, 2, 1)["answer"]["messages"] == [
        "Another rule on this page is for ‘yes’. Remove one of them."
    ]


def test_the_demo_forms_rules_all_pass_the_check():
    for steps in (demo.MISSED_BIN, demo.FLY_TIPPING):
        stream = JourneyPage._meta.get_field("steps").stream_block.to_python(steps)
        JourneyStepsBlock().clean(stream)
