"""An editor adds a question and a branch in the Wagtail admin, and the live form follows it.

The POST is what the page editor sends when "Publish" is pressed: the page's own fields as the
edit form renders them, and the `steps` StreamField in Wagtail's block form-data format."""

import copy

from django.test import Client

from wagtail import blocks
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest
from bs4 import BeautifulSoup

from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage
from tests.factories import UserFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db

CONTACT = {"full_name": "Sam Jones", "email": "sam@example.com", "phone": ""}


def _list_block(items):
    """ListBlock form data, as the editor's browser sends it (items carry no id when new)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def _block_data(block, value):
    """A block's value as the admin form posts it; `value` is the block's Python value."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield(
            [(child.block_type, _block_data(child.block, child.value)) for child in value]
        )
    if isinstance(block, blocks.ListBlock):
        return _list_block([_block_data(block.child_block, item) for item in value])
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            child_data = _block_data(child, value.get(name))
            if child_data is not None:
                data[name] = child_data
        return data
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if value else "", features=block.features)
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else None  # an unticked checkbox is not sent
    if isinstance(block, blocks.MultipleChoiceBlock):
        return list(value or [])
    return "" if value is None else str(value)


def _steps_data(raw_steps):
    """The `steps` field's form data for steps in the raw StreamField shape demo.py uses."""
    stream_block = JourneyPage._meta.get_field("steps").stream_block
    return _block_data(stream_block, stream_block.to_python(raw_steps))


def _question_page(slug, questions, rules=()):
    return {
        "type": "question_page",
        "value": {
            "slug": slug,
            "heading": "",
            "questions": questions,
            "rules": [{"answer": answer, "go_to": go_to} for answer, go_to in rules],
        },
    }


ASSISTED_COLLECTION = _question_page(
    "assisted-collection",
    [
        {
            "type": "yes_no",
            "value": {
                "label": "Do you have an assisted collection?",
                "name": "assisted",
                "hint": "Our crew collects your bin from your property.",
                "required": True,
            },
        }
    ],
    rules=[("yes", "contact-details")],
)


@pytest.fixture
def editor_client(missed_bin):
    client = Client()
    sign_in_verified(client, UserFactory(username="web-editor", is_superuser=True, is_staff=True))
    return client


def _publish(client, page, raw_steps):
    """Open the page in the admin, put these steps in the form, and press Publish."""
    edit_url = f"/admin/pages/{page.pk}/edit/"
    rendered = client.get(edit_url)
    assert rendered.status_code == 200
    fields = querydict_from_html(rendered.content.decode(), form_id="page-edit-form").dict()
    # The form as rendered carries the page's own fields (title, slug, what happens next...);
    # the StreamField and the comments formset are drawn by JavaScript, so they are added here.
    data = {
        **fields,
        **nested_form_data(
            {
                "steps": _steps_data(raw_steps),
                "comments": {
                    "TOTAL_FORMS": "0",
                    "INITIAL_FORMS": "0",
                    "MIN_NUM_FORMS": "0",
                    "MAX_NUM_FORMS": "1000",
                },
                "action-publish": "action-publish",
            }
        ),
    }
    return client.post(edit_url, data)


def _steps_with_new_question(go_to="contact-details"):
    steps = copy.deepcopy(demo.MISSED_BIN)
    new_page = copy.deepcopy(ASSISTED_COLLECTION)
    new_page["value"]["rules"] = [{"answer": "yes", "go_to": go_to}]
    # After "collection-day" and before "address".
    steps.insert(3, new_page)
    return steps


def _walk_to_the_new_question(resident, page):
    resident.post(f"{page.url}bin-type/", {"bin": "general"})
    return resident.post(f"{page.url}collection-day/", {"due_today": "no"})


def test_block_form_data_uses_the_names_the_edit_form_expects():
    data = nested_form_data({"steps": _steps_data([ASSISTED_COLLECTION])})

    assert data["steps-count"] == "1"
    assert data["steps-0-type"] == "question_page"
    assert data["steps-0-value-slug"] == "assisted-collection"
    assert data["steps-0-value-questions-0-type"] == "yes_no"
    assert data["steps-0-value-questions-0-value-label"] == "Do you have an assisted collection?"
    assert data["steps-0-value-questions-0-value-required"] == "on"
    assert data["steps-0-value-rules-count"] == "1"
    assert data["steps-0-value-rules-0-value-answer"] == "yes"
    assert data["steps-0-value-rules-0-value-go_to"] == "contact-details"
    assert data["steps-0-value-rules-0-deleted"] == ""
    assert data["steps-0-value-rules-0-order"] == "0"


def test_edit_form_offers_the_blocks_the_post_uses(editor_client, missed_bin):
    html = editor_client.get(f"/admin/pages/{missed_bin.pk}/edit/").content.decode()

    soup = BeautifulSoup(html, "html.parser")
    steps = soup.find(attrs={"data-w-block-data-value": True})
    block_definition = steps["data-w-block-data-value"]
    for name in ("question_page", "exit_page", "rules", "go_to", "yes_no", "choices"):
        assert f'"{name}"' in block_definition
    assert 'name="action-publish"' in html


def test_editor_adds_a_question_and_a_rule_and_the_live_form_follows_them(
    editor_client, missed_bin
):
    response = _publish(editor_client, missed_bin, _steps_with_new_question())

    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"/admin/pages/{missed_bin.get_parent().pk}/"
    live = JourneyPage.objects.get(pk=missed_bin.pk)
    assert live.live and not live.has_unpublished_changes
    assert [step.value["slug"] for step in live.steps][3] == "assisted-collection"

    # A resident now meets the new question after the collection-day question...
    resident = Client()
    after_collection_day = _walk_to_the_new_question(resident, live)
    assert after_collection_day["Location"] == f"{live.url}assisted-collection/"
    question = resident.get(f"{live.url}assisted-collection/")
    assert question.status_code == 200
    assert "Do you have an assisted collection?" in question.content.decode()
    assert "Our crew collects your bin from your property." in question.content.decode()

    # ...and the new rule sends "yes" straight to the contact details, past the address.
    answered = resident.post(f"{live.url}assisted-collection/", {"assisted": "yes"})
    assert answered.status_code == 302
    assert answered["Location"] == f"{live.url}contact-details/"
    done = resident.post(f"{live.url}contact-details/", CONTACT)
    assert done["Location"] == f"{live.url}check-your-answers/"
    check = resident.get(f"{live.url}check-your-answers/").content.decode()
    assert "Do you have an assisted collection?" in check
    assert "Where was the bin missed?" not in check


def test_without_the_rules_answer_the_new_question_leads_on_in_order(editor_client, missed_bin):
    _publish(editor_client, missed_bin, _steps_with_new_question())
    live = JourneyPage.objects.get(pk=missed_bin.pk)
    resident = Client()
    _walk_to_the_new_question(resident, live)

    answered = resident.post(f"{live.url}assisted-collection/", {"assisted": "no"})

    assert answered["Location"] == f"{live.url}address/"


def test_rule_to_a_page_that_does_not_exist_is_refused(editor_client, missed_bin):
    revisions_before = missed_bin.revisions.count()

    response = _publish(editor_client, missed_bin, _steps_with_new_question(go_to="no-such-page"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    message = "A rule on ‘assisted-collection’ goes to ‘no-such-page’, but no page has that name."
    assert message in html or message.encode("unicode_escape").decode() in html
    # Nothing was published or saved, and residents still see the old form.
    assert missed_bin.revisions.count() == revisions_before
    live = JourneyPage.objects.get(pk=missed_bin.pk)
    assert "assisted-collection" not in [step.value["slug"] for step in live.steps]
    resident = Client()
    after_collection_day = _walk_to_the_new_question(resident, live)
    assert after_collection_day["Location"] == f"{live.url}address/"
    assert resident.get(f"{live.url}assisted-collection/").status_code == 404
