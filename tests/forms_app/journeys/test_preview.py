"""Editors and moderators walk a draft online form in Wagtail's preview, step by step, without
publishing it; only they may, and a preview never sends anything."""

import copy
import io

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import Case
from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage, Submission
from forms_app.notifications.models import Notification
from home.demo import seed_workflow
from tests.factories import UserFactory
from tests.factories.journeys import ADDRESS, CONTACT, JourneyPageFactory
from tests.factories.users import sign_in_verified

from .test_service_link import new_form_data

pytestmark = pytest.mark.django_db

DRAFT_QUESTION = "Which of your bins did we miss?"
LIVE_QUESTION = "Which bin was missed?"


@pytest.fixture
def workflow():
    """The demo's groups and its "Moderators approval" workflow on the whole site."""
    seed_workflow(io.StringIO())


@pytest.fixture
def editor(workflow):
    user = UserFactory(username="preview-editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(workflow):
    user = UserFactory(username="preview-moderator")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def _signed_in(user):
    client = Client()
    sign_in_verified(client, user)
    return client


def _draft_steps():
    steps = copy.deepcopy(demo.MISSED_BIN)
    steps[0]["value"]["questions"][0]["value"]["label"] = DRAFT_QUESTION
    return steps


@pytest.fixture
def changed_form(missed_bin, editor):
    """The live missed-bin form with a draft that rewords its first question."""
    draft = missed_bin.get_latest_revision_as_object()
    draft.steps = _draft_steps()
    draft.save_revision(user=editor)
    return missed_bin


def _text(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(soup.find("main").get_text(" ").split())


def _page_text(response):
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def _open(client, url):
    """Follow the preview's redirects to the page it shows."""
    response = client.get(url)
    while response.status_code == 302:
        url = response["Location"]
        response = client.get(url)
    return url, response


def _walk_to_check_answers(client, first_url):
    """Answer the missed-bin form from its first page to check your answers, in the preview."""
    base = first_url.removesuffix("bin-type/")
    steps = [
        ("bin-type", {"bin": "general"}),
        ("collection-day", {"due_today": "no"}),
        ("address", ADDRESS),
        ("contact-details", CONTACT),
    ]
    for slug, answers in steps:
        response = client.post(f"{base}{slug}/", answers)
        assert response.status_code == 302, _text(response)
        assert response["Location"].startswith(base)
    assert response["Location"] == f"{base}check-your-answers/"
    return base


def test_view_draft_walks_the_changed_wording_and_sending_sends_nothing(changed_form, editor):
    client = _signed_in(editor)

    url, first = _open(client, f"/admin/pages/{changed_form.pk}/view_draft/")

    assert first.status_code == 200
    assert url.startswith("/admin/form-preview/") and url.endswith("/bin-type/")
    assert DRAFT_QUESTION in _text(first) and LIVE_QUESTION not in _text(first)
    assert "This is a preview of the draft form. Nothing you enter is sent." in _page_text(first)
    assert "Save and come back later" not in _page_text(first)
    base = _walk_to_check_answers(client, url)
    check = client.get(f"{base}check-your-answers/")
    assert DRAFT_QUESTION in _text(check)

    token = BeautifulSoup(check.content.decode(), "html.parser").find("input", {"name": "token"})
    sent = client.post(f"{base}check-your-answers/", {"token": token["value"], "website": ""})
    assert sent["Location"] == f"{base}confirmation/"
    end = client.get(sent["Location"])
    assert "This is a preview: nothing was sent" in _text(end)
    assert "Your reference number" not in _text(end)
    assert not Submission.objects.exists()
    assert not Case.objects.exists()
    assert not Notification.objects.exists()

    # Residents still get the published wording, and their own journey is untouched.
    resident = Client()
    public = resident.get(f"{changed_form.url}bin-type/")
    assert LIVE_QUESTION in _text(public) and DRAFT_QUESTION not in _text(public)
    assert public["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]


def test_a_new_form_is_walked_before_it_is_ever_published(service_page, default_queue, editor):
    form = JourneyPageFactory(
        parent=service_page, title="Report it", steps=_draft_steps(), live=False, publish=False
    )
    form.save_revision(user=editor)
    client = _signed_in(editor)

    url, first = _open(client, f"/admin/pages/{form.pk}/view_draft/")

    assert first.status_code == 200
    assert DRAFT_QUESTION in _text(first)
    answered = client.post(url, {"bin": "garden"})
    # The draft's branching rules: garden waste asks about the subscription.
    assert answered["Location"].endswith("/garden-subscription/")
    assert Client().get(f"{form.url}bin-type/").status_code == 404


def test_a_form_being_created_is_walked_in_the_preview_panel_before_it_is_saved(
    service_page, default_queue, editor
):
    client = _signed_in(editor)
    preview_url = f"/admin/pages/add/journeys/journeypage/{service_page.pk}/preview/"
    # The editor's browser sends the unsaved form to the preview as they type...
    checked = client.post(preview_url, new_form_data(client, service_page, _draft_steps()))
    assert checked.json() == {"is_valid": True, "is_available": True}

    # ...and the panel shows its first page, which walks on to the next.
    url, first = _open(client, f"{preview_url}?in_preview_panel=true")
    assert first.status_code == 200
    assert first["X-Frame-Options"] == "SAMEORIGIN"
    assert DRAFT_QUESTION in _text(first)
    answered = client.post(url, {"bin": "general"})
    assert client.get(answered["Location"]).status_code == 200
    assert "Was your bin due to be collected today?" in _text(client.get(answered["Location"]))
    assert not JourneyPage.objects.exists()


def test_the_preview_panel_may_frame_the_walk(changed_form, editor):
    client = _signed_in(editor)
    url, first = _open(client, f"/admin/pages/{changed_form.pk}/view_draft/")

    assert first["X-Frame-Options"] == "SAMEORIGIN"
    assert client.post(url, {"bin": "general"})["X-Frame-Options"] == "SAMEORIGIN"
    # The Content-Security-Policy, which browsers obey before X-Frame-Options, agrees.
    assert "frame-ancestors 'self'" in first["Content-Security-Policy"]


def test_a_moderator_walks_the_revision_in_moderation(changed_form, editor, moderator):
    workflow_state = changed_form.get_workflow().start(changed_form, editor)
    task = workflow_state.current_task_state.task
    client = _signed_in(moderator)

    url, first = _open(client, f"/admin/pages/workflow/preview/{changed_form.pk}/{task.pk}/")

    assert first.status_code == 200
    assert DRAFT_QUESTION in _text(first)
    _walk_to_check_answers(client, url)


def test_someone_who_may_not_edit_the_form_cannot_walk_it(changed_form, editor):
    client = _signed_in(editor)
    url, _ = _open(client, f"/admin/pages/{changed_form.pk}/view_draft/")

    # Another member of staff, with the address, has no draft in their session.
    assert _signed_in(UserFactory(username="other", is_staff=True, is_superuser=True)).get(
        url
    ).status_code in (403, 404)
    # Without signing in, the admin sends them to sign in.
    assert Client().get(url)["Location"].startswith("/admin/login/")
    # The editor who loses the right to edit it is refused on the next step (the admin sends
    # them to its dashboard with "Sorry, you do not have permission").
    editor.groups.clear()
    editor.user_permissions.add(*Group.objects.get(name="Editors").permissions.all())
    refused = client.get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")


def test_may_walk_follows_wagtail_permissions(changed_form, editor, moderator):
    from forms_app.journeys.preview import may_walk

    parent = changed_form.get_parent()
    nobody = UserFactory(username="nobody", is_staff=True)
    assert may_walk(editor, changed_form.pk, parent.pk)
    assert may_walk(moderator, changed_form.pk, parent.pk)
    assert not may_walk(nobody, changed_form.pk, parent.pk)
    assert may_walk(editor, None, parent.pk)
    assert not may_walk(nobody, None, parent.pk)
    assert not may_walk(editor, Page.objects.order_by("-pk").first().pk + 1, parent.pk)


def test_the_public_form_still_sends(changed_form):
    resident = Client()
    url = changed_form.url
    for slug, answers in [
        ("bin-type", {"bin": "general"}),
        ("collection-day", {"due_today": "no"}),
        ("address", ADDRESS),
        ("contact-details", CONTACT),
    ]:
        resident.post(f"{url}{slug}/", answers)
    check = resident.get(f"{url}check-your-answers/")
    token = BeautifulSoup(check.content.decode(), "html.parser").find("input", {"name": "token"})
    sent = resident.post(f"{url}check-your-answers/", {"token": token["value"], "website": ""})

    assert sent["Location"] == f"{url}confirmation/"
    assert Submission.objects.filter(journey=JourneyPage.objects.get(pk=changed_form.pk)).exists()
