"""An editor translates a service page into Welsh with wagtail-localize and keeps it up to date
when the English page changes, through the real admin views; a moderator publishes."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html, rich_text

import pytest
from bs4 import BeautifulSoup

from .conftest import edit_url, notices, report, translation_editor, type_translation

pytestmark = pytest.mark.django_db

WELSH_URL = "/cy/biniau-ac-ailgylchu/rhoi-gwybod-am-fin-heb-ei-gasglu/"
WELSH = {
    "Report a missed bin collection": "Rhoi gwybod am fin heb ei gasglu",
    "report-a-missed-bin": "rhoi-gwybod-am-fin-heb-ei-gasglu",
    "Tell us if your bin was not emptied on your collection day.": (
        "Rhowch wybod i ni os na chafodd eich bin ei wagio ar eich diwrnod casglu."
    ),
    "Before you start": "Cyn i chi ddechrau",
    "Wait until 6pm.": "Arhoswch tan 6pm.",
}
NEW_ENGLISH = "Leave your bin out until we come back."
NEW_WELSH = "Gadewch eich bin allan nes i ni ddod yn ôl."


def stream_form_data(name, blocks):
    """A StreamField as the page editor posts it, keeping each block's id."""
    data = {f"{name}-count": str(len(blocks))}
    for index, block in enumerate(blocks):
        value = block["value"]
        if block["type"] == "paragraph":
            value = rich_text(value)
        prefix = f"{name}-{index}"
        data.update(
            {
                f"{prefix}-type": block["type"],
                f"{prefix}-value": value,
                f"{prefix}-id": block.get("id", ""),
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(index),
            }
        )
    return data


def publish_with_new_paragraph(client, page, text):
    """A moderator adds a paragraph to the English page in the page editor and publishes it."""
    form = querydict_from_html(client.get(edit_url(page)).text, form_id="page-edit-form").dict()
    blocks = list(Page.objects.get(pk=page.pk).specific.body.raw_data)
    form.update(
        stream_form_data("body", [*blocks, {"type": "paragraph", "value": f"<p>{text}</p>"}])
    )
    form.update(stream_form_data("related_links", []))
    form["action-publish"] = "action-publish"
    response = client.post(edit_url(page), form)
    assert response.status_code == 302, notices(response)


def test_an_editor_translates_a_page_and_keeps_it_up_to_date(
    editor_client, moderator_client, service_page, welsh, django_capture_on_commit_callbacks, client
):
    # The editor asks for a Welsh translation from the English page's "Translate this page".
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[service_page.pk])
    assert editor_client.get(submit_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(submit_url, {"locales": [welsh.pk]})
    welsh_page = service_page.get_translation(welsh)
    assert welsh_page.locale == welsh
    assert response.status_code == 302
    assert response["Location"] == edit_url(welsh_page)
    # The Welsh page starts as a draft (nothing goes live in Welsh still in English), and the
    # report says there is text to translate and a translation to publish.
    assert not welsh_page.live
    assert client.get(WELSH_URL).status_code == 404
    assert report(editor_client)["Report a missed bin collection"]["What needs doing"] == (
        "Text still to translate Not yet published"
    )

    # The editor types the Welsh for every piece of text in the translation editor.
    to_translate, saved = translation_editor(editor_client.get(edit_url(welsh_page)))
    assert set(to_translate) == set(WELSH)
    assert saved == {}
    for english, address in to_translate.items():
        assert type_translation(editor_client, address, WELSH[english]).status_code == 201

    # Editors cannot publish; a moderator publishes the Welsh page from the translation editor.
    refused = editor_client.post(edit_url(welsh_page), {"action": "publish"})
    assert refused["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.get(pk=welsh_page.pk).title == "Report a missed bin collection"
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(edit_url(welsh_page), {"action": "publish"})
    assert response.status_code == 302
    welsh_page.refresh_from_db()
    assert welsh_page.live

    residents_see = client.get(WELSH_URL)
    assert residents_see.status_code == 200
    soup = BeautifulSoup(residents_see.text, "html.parser")
    assert soup.html["lang"] == "cy"
    assert soup.h1.get_text(strip=True) == "Rhoi gwybod am fin heb ei gasglu"
    assert "Arhoswch tan 6pm." in soup.get_text()
    assert report(editor_client) == {}

    # The English page changes: the Welsh page is now out of date, and says so in its editor.
    publish_with_new_paragraph(moderator_client, service_page, NEW_ENGLISH)
    row = report(editor_client)["Rhoi gwybod am fin heb ei gasglu"]
    assert row["Language"] == "Welsh"
    assert row["English page"] == "Report a missed bin collection"
    assert row["What needs doing"] == "English page changed"
    [(notice, buttons)] = notices(editor_client.get(edit_url(welsh_page))).items()
    assert notice.startswith("The English page was changed and published on")
    assert buttons["Open the English page"] == edit_url(service_page)

    # From the notice, the editor syncs the translation with the English page, without publishing.
    sync_url = buttons["Sync with the English page"]
    assert "Welsh" in editor_client.get(sync_url).text
    response = editor_client.post(sync_url)
    assert response["Location"] == edit_url(welsh_page)

    # The new English text waits for its Welsh; what was translated before is kept.
    to_translate, saved = translation_editor(editor_client.get(edit_url(welsh_page)))
    assert set(to_translate) - set(saved) == {NEW_ENGLISH}
    assert saved == WELSH
    row = report(editor_client)["Rhoi gwybod am fin heb ei gasglu"]
    assert row["What needs doing"] == "Text still to translate Changes not published"
    # Residents still see the Welsh page as it was published.
    assert NEW_ENGLISH not in client.get(WELSH_URL).text

    type_translation(editor_client, to_translate[NEW_ENGLISH], NEW_WELSH)
    assert report(editor_client)["Rhoi gwybod am fin heb ei gasglu"]["What needs doing"] == (
        "Changes not published"
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(edit_url(welsh_page), {"action": "publish"})
    assert report(editor_client) == {}
    assert NEW_WELSH in client.get(WELSH_URL).text
