"""Editorial workflow on the demo council: editors submit, moderators approve and publish;
previews and scheduled publishing work."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision

import pytest

from services.models import ServicePage
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_council):
    return ServicePage.objects.get(slug="report-a-missed-bin-collection")


def _signed_in(client, username):
    sign_in_verified(client, get_user_model().objects.get(username=username))
    return client


def test_editor_can_submit_but_not_publish(client, demo):
    html = _signed_in(client, "editor").get(f"/admin/pages/{demo.pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    user = get_user_model().objects.get(username="editor")
    assert not demo.permissions_for_user(user).can_publish()


def test_moderator_can_publish(client, demo):
    html = _signed_in(client, "moderator").get(f"/admin/pages/{demo.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html


def test_editor_submission_goes_live_only_when_a_moderator_approves(client, demo):
    editor = get_user_model().objects.get(username="editor")
    moderator = get_user_model().objects.get(username="moderator")
    demo.summary = "A new summary the editor wrote."
    revision = demo.save_revision(user=editor)
    workflow_state = demo.get_workflow().start(demo, editor)

    live = ServicePage.objects.get(pk=demo.pk)
    assert live.summary != "A new summary the editor wrote."
    assert revision.pk == live.latest_revision_id
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(demo, moderator)
    assert not task_state.task.specific.user_can_access_editor(demo, editor)

    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert ServicePage.objects.get(pk=demo.pk).summary == "A new summary the editor wrote."
    assert client.get(demo.url).content.decode().count("A new summary the editor wrote.") >= 1


def test_editor_preview_shows_unpublished_changes(demo):
    demo.summary = "Draft summary only in preview."
    response = demo.make_preview_request()
    assert response.status_code == 200
    assert "Draft summary only in preview." in response.content.decode()


def test_scheduled_revision_is_published_by_publish_scheduled(client, demo):
    moderator = get_user_model().objects.get(username="moderator")
    demo.summary = "Scheduled summary."
    go_live = timezone.now() + datetime.timedelta(hours=1)
    demo.save_revision(user=moderator, approved_go_live_at=go_live)
    call_command("publish_scheduled", stdout=io.StringIO())
    assert "Scheduled summary." not in client.get(demo.url).content.decode()

    # Time passes: the scheduled moment is now behind us.
    Revision.objects.filter(pk=demo.latest_revision_id).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=io.StringIO())
    assert "Scheduled summary." in client.get(demo.url).content.decode()
