"""The translation editor of a translated page: its actions, and what it calls each piece of text.

wagtail-localize's translation editor (a React app) ends with a menu of its own whose main button
is the last action it added: "Publish in Welsh" for a moderator, but for an editor "Convert to
alias page", "Delete" or "Stop Synced translation", and it cannot submit for moderation at all.
For pages, that menu gives way to Wagtail's own page action menu: editors save a draft of the
translation and submit it to the page's workflow as they would any page (the moderators are told
as for any submission), and the actions that throw the translation away wait in the secondary
menu. Snippets keep wagtail-localize's menu: they have no workflow here.

wagtail-localize labels a piece of text in a StreamField by the first block below the top one, so
every question, hint and option of a form page reads "Questions". The labels are taken from the
block that holds the text instead, as editors see it in the page editor.
"""

import json

from django.urls import reverse
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.action_menu import ActionMenuItem, PageActionMenu
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment

SUBMIT = "action-submit"
# Never the main button: each undoes or throws away the translation or the live page.
DANGEROUS = {"localize-convert-to-alias", "localize-stop-translation", "action-unpublish"}


class StopSyncedTranslationMenuItem(ActionMenuItem):
    """wagtail-localize's "Stop Synced translation": the page then becomes an ordinary page."""

    label = _("Stop synced translation")
    name = "localize-stop-translation"
    icon_name = "cross"
    template_name = "translations/stop_translation_menu_item.html"

    def __init__(self, translation, order=None):
        super().__init__(order=order)
        self.translation = translation

    def get_url(self, parent_context):
        return reverse("wagtail_localize:stop_translation", args=[self.translation.pk])


class TranslationActionMenu(PageActionMenu):
    """Wagtail's page action menu for a translated page, with "Stop synced translation" added.

    The main button is never a dangerous one: "Submit to <workflow>" for someone who cannot
    publish (what an editor's translation is waiting for), otherwise Wagtail's own choice ("Save
    draft"; "Cancel workflow" or "Page locked" while moderation locks the page), passing over any
    dangerous action another app ordered first.
    """

    def __init__(self, request, *, page, translation):
        lock = page.get_lock()
        super().__init__(
            request,
            view="edit",
            page=page,
            lock=lock,
            locked_for_user=lock is not None and lock.for_user(request.user),
        )
        items = [item for item in (self.default_item, *self.menu_items) if item is not None]
        items.append(StopSyncedTranslationMenuItem(translation, order=1000))
        permissions = self.context["user_page_permissions_tester"]
        safe = [item for item in items if item.name not in DANGEROUS]
        main = safe[0] if safe else items[0]
        if not permissions.can_publish():
            main = next((item for item in safe if item.name == SUBMIT), main)
        items.remove(main)
        self.default_item, self.menu_items = main, items


def draft_translation(translation):
    """The translated page with the Welsh typed so far, not saved: what a draft revision holds.

    Text not yet translated stays in the source language, as when wagtail-localize publishes.
    The page itself is left alone, so a live translation changes only when it is published.
    """
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    return page


def save_draft_revision(translation, user):
    """A new revision of the translated page holding its translation. Raises ValidationError."""
    page = draft_translation(translation)
    page.full_clean()
    return page, page.save_revision(user=user, log_action=True, clean=False)


def validation_messages(error):
    if hasattr(error, "message_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)


# What each piece of text is called.


def _block_path_labels(block, components):
    """The labels of the blocks down `components` (a field path below a StreamField)."""
    labels = []
    for name in components:
        if isinstance(block, blocks.ListBlock) and name == "item":
            block = block.child_block
            continue
        children = getattr(block, "child_blocks", None)
        if not children or name not in children:
            break
        block = children[name]
        labels.append(block.label)
    return labels


def text_label(model, field_path):
    """What the block holding a piece of text is called ("Question", "Hint", "Option"), or None
    for text at the top of a StreamField or outside one, which wagtail-localize names well."""
    field_name, *components = field_path.split(".")
    field = model._meta.get_field(field_name)
    if not isinstance(field, StreamField) or len(components) < 2:
        return None
    labels = _block_path_labels(field.stream_block, components)
    if len(labels) < 2 or not labels[-1]:
        return None
    return capfirst(str(labels[-1]))


def relabel_segments(props_json, translation):
    """The translation editor's props with each StreamField text labelled by its own block."""
    props = json.loads(props_json)
    model = translation.source.specific_content_type.model_class()
    source = None
    contexts = {
        segment.pk: segment.context
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context"
        )
    }
    for segment in props.get("segments", []):
        context = contexts.get(segment["id"]) if segment.get("type") == "string" else None
        if context is None or not segment.get("location"):
            continue
        field_path = context.field_path
        if not field_path:
            # Contexts made before wagtail-localize 1.0 work theirs out from the source.
            source = source or translation.source.as_instance()
            field_path = context.get_field_path(source)
        label = text_label(model, field_path)
        if label:
            segment["location"]["subField"] = label
    return json.dumps(props)
