"""A notice at the top of a translated page's editor when its English page has changed since."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import Page

from .permissions import can_translate
from .queries import translations_to_update


def warn_if_source_changed(request, page):
    """For Wagtail's before_edit_page hook: never replaces the editor, only adds the notice."""
    if request.method != "GET":
        return
    behind = (
        translations_to_update(Page.objects.filter(pk=page.pk)).filter(source_changed=True).first()
    )
    if behind is None:
        return
    buttons = [
        messages.button(
            reverse("wagtailadmin_pages:edit", args=[behind.source_id]), _("Open the English page")
        )
    ]
    if behind.translation_source_id and can_translate(request.user):
        sync_url = reverse(
            "wagtail_localize:update_translations", args=[behind.translation_source_id]
        )
        next_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        buttons.append(
            messages.button(
                f"{sync_url}?{urlencode({'next': next_url})}", _("Sync with the English page")
            )
        )
    published = dateformat.format(timezone.localtime(behind.source_last_published_at), "j F Y")
    messages.warning(
        request,
        _(
            "The English page was changed and published on %(date)s, after this translation was "
            "last updated. Check what changed and update this translation to match."
        )
        % {"date": published},
        buttons=buttons,
    )
