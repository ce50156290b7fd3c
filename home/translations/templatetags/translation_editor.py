"""For the translation editor (templates/wagtail_localize/admin/edit_translation.html)."""

from django import template
from django.urls import reverse

from ..editor import TranslationActionMenu, relabel_segments

register = template.Library()


@register.simple_tag
def relabelled_props(props, translation):
    return relabel_segments(props, translation)


@register.inclusion_tag("translations/translation_editor_footer.html", takes_context=True)
def translation_editor_footer(context):
    request, page, translation = context["request"], context["instance"], context["translation"]
    preview_modes = page.preview_modes
    return {
        "request": request,
        "action_menu": TranslationActionMenu(request, page=page, translation=translation),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk])
        if preview_modes
        else None,
    }
