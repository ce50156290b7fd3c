"""Syncing a translation with its English page never lets an editor publish past moderation."""

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

import pytest
from bs4 import BeautifulSoup

from .conftest import edit_url, translation_editor, type_translation
from .test_page_workflow import NEW_ENGLISH, WELSH, WELSH_URL, publish_with_new_paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def out_of_date_welsh_page(
    editor_client, moderator_client, service_page, welsh, django_capture_on_commit_callbacks
):
    """A Welsh translation made with wagtail-localize, published, then left behind by a change to
    the English page."""
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[service_page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(submit_url, {"locales": [welsh.pk]})
    welsh_page = service_page.get_translation(welsh)

    to_translate, _saved = translation_editor(editor_client.get(edit_url(welsh_page)))
    for english, address in to_translate.items():
        type_translation(editor_client, address, WELSH[english])
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(edit_url(welsh_page), {"action": "publish"})
    publish_with_new_paragraph(moderator_client, service_page, NEW_ENGLISH)
    source = TranslationSource.objects.get(object_id=service_page.translation_key)
    return welsh_page, reverse("wagtail_localize:update_translations", args=[source.pk])


def _publish_box(response):
    soup = BeautifulSoup(response.text, "html.parser")
    return soup.find("input", attrs={"name": "publish_translations"})


def test_an_editor_syncs_as_a_draft_even_asking_to_publish(
    editor_client, client, out_of_date_welsh_page, django_capture_on_commit_callbacks
):
    welsh_page, sync_url = out_of_date_welsh_page
    live_revision = Page.objects.get(pk=welsh_page.pk).live_revision_id
    # The editor is not offered "Publish immediately"...
    assert _publish_box(editor_client.get(sync_url))["type"] == "hidden"

    # ... and a hand-made request asking for it syncs without publishing.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302
    welsh_page = Page.objects.get(pk=welsh_page.pk)
    assert welsh_page.live_revision_id == live_revision
    assert NEW_ENGLISH not in client.get(WELSH_URL).text
    messages = [m.message for m in response.wsgi_request._messages]
    assert "The translations were updated as drafts. A moderator will publish them." in messages


def test_a_moderator_may_sync_and_publish_at_once(
    moderator_client, client, out_of_date_welsh_page, django_capture_on_commit_callbacks
):
    welsh_page, sync_url = out_of_date_welsh_page
    assert _publish_box(moderator_client.get(sync_url))["type"] == "checkbox"

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(sync_url, {"publish_translations": "on"})
    # Published at once; the new sentence shows in English until someone translates it.
    assert not Page.objects.get(pk=welsh_page.pk).has_unpublished_changes
    assert NEW_ENGLISH in client.get(WELSH_URL).text
