from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_localize.models import Translation

from .notices import warn_if_source_changed
from .panels import TranslationsToUpdatePanel
from .permissions import can_see_translations_to_update
from .reports import TranslationsToUpdateReportView
from .views import SyncAsDraftsUnlessModeratorView, act_in_translation_editor


class TranslationsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translations_to_update(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/translations-to-update/",
            TranslationsToUpdateReportView.as_view(),
            name="translations_to_update",
        ),
        path(
            "reports/translations-to-update/results/",
            TranslationsToUpdateReportView.as_view(results_only=True),
            name="translations_to_update_results",
        ),
    ]


# The same address as wagtail-localize's own sync page, registered first (order=-1) so that it is
# the one that answers: links to "wagtail_localize:update_translations" arrive here.
@hooks.register("register_admin_urls", order=-1)
def register_sync_url():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            SyncAsDraftsUnlessModeratorView.as_view(),
            name="translations_sync",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslationsReportMenuItem(
        _("Translations to update"),
        reverse("translations_to_update"),
        name="translations-to-update",
        icon_name="doc-empty-inverse",
        order=1320,
    )


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    if can_see_translations_to_update(request.user):
        panels.append(TranslationsToUpdatePanel(request.user))


# Before wagtail-localize's own before_edit_page hook, which replaces the editor with its
# translation editor: the notice must be added first to show there too.
hooks.register("before_edit_page", warn_if_source_changed, order=-1)


# Also before wagtail-localize's hook: the translation editor's page action menu (editor.py) posts
# to the page's edit address, and its actions are answered here.
@hooks.register("before_edit_page", order=-1)
def translation_editor_actions(request, page):
    if request.method != "POST":
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is not None and page.alias_of_id is None:
        return act_in_translation_editor(request, page.specific, translation)
    return None
