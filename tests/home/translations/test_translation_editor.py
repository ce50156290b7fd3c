"""The translation editor of a Welsh page: a safe main button, the page's workflow, and text
labelled by what it is."""

import html
import json
import re

from django.urls import reverse

from wagtail.models import Page, WorkflowState

import pytest
from bs4 import BeautifulSoup

from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage

from .conftest import edit_url, notices, translation_editor, type_translation

pytestmark = pytest.mark.django_db

WELSH_TITLE = "Rhoi gwybod am fin heb ei gasglu"
DANGEROUS = {"Convert to alias page", "Delete", "Stop synced translation", "Unpublish"}


def squash(element):
    return " ".join(element.get_text(" ").split())


def action_menu(response):
    """The translation editor's actions: (main button, [the other actions])."""
    assert response.status_code == 200
    footer = BeautifulSoup(response.text, "html.parser").select_one(
        "footer[data-translation-actions]"
    )
    assert footer is not None, "the translation editor has no page action menu"
    dropdown = footer.select_one(".w-dropdown-button")
    main = dropdown.find(["button", "a"], recursive=False)
    others = [squash(item) for item in dropdown.select(".w-dropdown__content > *")]
    return squash(main), others


@pytest.fixture
def welsh_draft(editor_client, service_page, welsh, django_capture_on_commit_callbacks):
    """The editor's Welsh translation of the service page, started from "Translate this page"."""
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[service_page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(submit_url, {"locales": [welsh.pk]})
    return service_page.get_translation(welsh)


def awaiting_review(client):
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).text, "html.parser")
    panel = soup.select_one("#awaiting-review-section")
    return squash(panel) if panel else ""


def test_an_editors_main_button_submits_the_translation_to_the_workflow(editor_client, welsh_draft):
    main, others = action_menu(editor_client.get(edit_url(welsh_draft)))
    assert main == "Submit to Moderators approval"
    assert "Save draft" in others
    assert {"Convert to alias page", "Stop synced translation"} <= set(others)


def test_a_moderators_main_button_is_not_dangerous(moderator_client, welsh_draft):
    main, others = action_menu(moderator_client.get(edit_url(welsh_draft)))
    assert main not in DANGEROUS
    assert main == "Save draft"
    assert "Publish" in others


def test_an_editor_submits_the_welsh_translation_and_the_moderator_publishes_it(
    editor_client,
    moderator_client,
    welsh_draft,
    mailoutbox,
    django_capture_on_commit_callbacks,
    client,
):
    to_translate, _saved = translation_editor(editor_client.get(edit_url(welsh_draft)))
    type_translation(editor_client, to_translate["Report a missed bin collection"], WELSH_TITLE)
    assert WELSH_TITLE not in awaiting_review(moderator_client)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            edit_url(welsh_draft), {"action-submit": "Submit to Moderators approval"}
        )
    assert response.status_code == 302
    assert f"The translation ‘{WELSH_TITLE}’ was submitted for moderation." in notices(
        editor_client.get(response["Location"])
    )
    state = WorkflowState.objects.get(object_id=str(welsh_draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == "editor"

    # The moderator is told as for any page: by email, and on their dashboard.
    [email] = [m for m in mailoutbox if "moderator@example.com" in m.to]
    assert WELSH_TITLE in email.subject
    assert WELSH_TITLE in awaiting_review(moderator_client)
    # Nothing is live until the moderator approves.
    welsh_draft.refresh_from_db()
    assert not welsh_draft.live

    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[welsh_draft.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert moderator_client.post(approve_url).status_code == 302
    page = Page.objects.get(pk=welsh_draft.pk)
    assert page.live
    assert page.title == WELSH_TITLE
    assert WELSH_TITLE not in awaiting_review(moderator_client)


def test_submitting_a_change_leaves_the_live_welsh_page_alone_until_approved(
    editor_client, moderator_client, welsh_draft, django_capture_on_commit_callbacks, client
):
    to_translate, _saved = translation_editor(editor_client.get(edit_url(welsh_draft)))
    type_translation(editor_client, to_translate["Report a missed bin collection"], WELSH_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(edit_url(welsh_draft), {"action": "publish"})
    live_url = Page.objects.get(pk=welsh_draft.pk).url

    type_translation(editor_client, to_translate["Before you start"], "Cyn i chi ddechrau arni")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(edit_url(welsh_draft), {"action-submit": "Submit"})
    assert "Cyn i chi ddechrau arni" not in client.get(live_url).text
    assert WELSH_TITLE in awaiting_review(moderator_client)


def test_saving_a_draft_keeps_the_welsh_in_a_revision(editor_client, welsh_draft):
    to_translate, _saved = translation_editor(editor_client.get(edit_url(welsh_draft)))
    type_translation(editor_client, to_translate["Report a missed bin collection"], WELSH_TITLE)
    response = editor_client.post(edit_url(welsh_draft), {})
    assert response["Location"] == edit_url(welsh_draft)
    page = Page.objects.get(pk=welsh_draft.pk)
    assert page.draft_title == WELSH_TITLE
    assert not page.live
    assert not WorkflowState.objects.filter(object_id=str(welsh_draft.pk)).exists()


def test_an_editor_still_cannot_publish(editor_client, welsh_draft):
    editor_client.post(edit_url(welsh_draft), {"action-publish": "Publish"})
    assert not Page.objects.get(pk=welsh_draft.pk).live


def segment_labels(response):
    """{English text: what the translation editor calls it} for every piece of text."""
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    props = json.loads(html.unescape(found.group(1)))
    return {
        s["source"]: (s["location"]["field"], s["location"]["subField"])
        for s in props["segments"]
        if s["type"] == "string"
    }


def test_the_pieces_of_a_form_are_labelled_by_what_they_are(
    editor_client, service_page, welsh, django_capture_on_commit_callbacks
):
    journey = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=MISSED_BIN,
        what_happens_next="<p>We will look at it.</p>",
    )
    service_page.add_child(instance=journey)
    journey.save_revision().publish()
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[journey.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(submit_url, {"locales": [welsh.pk]})

    labels = segment_labels(editor_client.get(edit_url(journey.get_translation(welsh))))
    page = "Question page"
    assert labels["Which bin was missed?"] == (page, "Question")
    assert labels["General waste (black bin)"] == (page, "Option")
    assert labels["We will send your reference number here."] == (page, "Hint")
    assert labels["Your contact details"] == (page, "Page heading")
    assert labels["Report a missed bin collection"] == ("Title", None)
    assert not [text for text, (_, sub) in labels.items() if sub == "Questions"]


def test_the_moderator_approves_from_the_translation_editor(
    editor_client, moderator_client, welsh_draft, django_capture_on_commit_callbacks
):
    to_translate, _saved = translation_editor(editor_client.get(edit_url(welsh_draft)))
    type_translation(editor_client, to_translate["Report a missed bin collection"], WELSH_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(edit_url(welsh_draft), {"action-submit": "Submit"})

    main, others = action_menu(moderator_client.get(edit_url(welsh_draft)))
    assert "Approve and Publish" in [main, *others]
    assert "Request changes" in [main, *others]
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            edit_url(welsh_draft),
            {"action-workflow-action": "true", "workflow-action-name": "approve"},
        )
    page = Page.objects.get(pk=welsh_draft.pk)
    assert page.live
    assert page.title == WELSH_TITLE
    state = WorkflowState.objects.get(object_id=str(welsh_draft.pk))
    assert state.status == WorkflowState.STATUS_APPROVED


def test_the_editor_may_withdraw_the_submission_while_it_waits(
    editor_client, moderator_client, welsh_draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(edit_url(welsh_draft), {"action-submit": "Submit"})
    # Waiting for a moderator, the page is locked for the editor: they cannot save over it.
    main, _others = action_menu(editor_client.get(edit_url(welsh_draft)))
    assert main not in DANGEROUS
    editor_client.post(edit_url(welsh_draft), {"action-cancel-workflow": "Cancel workflow"})
    state = WorkflowState.objects.get(object_id=str(welsh_draft.pk))
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert "Awaiting your review" not in awaiting_review(moderator_client)
