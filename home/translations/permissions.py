"""Who translates, and who sees which translations need updating.

Translating (starting a translation, syncing it with the English page) is wagtail-localize's
`submit_translation` permission. Typing the translation is editing the translated page or snippet,
so Wagtail's usual edit permissions apply, and publishing a translated page needs publish
permission, as for any page. The report and the dashboard panel are for anyone who can edit pages,
and list only the pages they can edit.
"""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page
from wagtail.permissions import policy_registry

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
# Translatable snippets that editors translate. Not every translatable snippet: changing one means
# being able to change it in English too (Wagtail has no per-language snippet permissions), so
# site-wide details such as the council's name stay with administrators.
TRANSLATED_BY_EDITORS = ["alerts.AlertBanner"]


def page_policy():
    return policy_registry.get_by_type(Page)


def can_see_translations_to_update(user):
    return page_policy().user_has_permission(user, "change")


def pages_user_can_edit(user):
    """The scope for the report and its dashboard count, so they cannot disagree."""
    return page_policy().instances_user_has_permission_for(user, "change")


def can_translate(user):
    return user.has_perm(SUBMIT_TRANSLATION)


def translator_permissions():
    """What a group needs to translate pages and snippets: start and sync translations, and edit
    the snippets it translates (the translation editor opens in the snippet's edit view). Pages
    are edited under the group's page permissions."""
    app_label, codename = SUBMIT_TRANSLATION.split(".")
    snippets = [apps.get_model(label) for label in TRANSLATED_BY_EDITORS]
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ) | Permission.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*snippets).values(),
        codename__in=[f"change_{model._meta.model_name}" for model in snippets],
    )
