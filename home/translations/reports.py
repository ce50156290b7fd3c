"""The "Translations to update" report: translated pages that are behind their English page."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Page

from townhall.spreadsheets import SafeReportView

from .permissions import page_policy, pages_user_can_edit
from .queries import translation_updated_at, translations_to_update, update_reasons


class ReasonTagsColumn(Column):
    cell_template_name = "translations/reason_tags_cell.html"


def reason_labels(page):
    return [reason.label for reason in update_reasons(page)]


def page_type(page):
    """What kind of page it is, as the page editor names it: "Online form", "Service page"."""
    return capfirst(page.specific_class._meta.verbose_name)


class TranslationsToUpdateReportView(SafeReportView):
    page_title = _("Translations to update")
    header_icon = "doc-empty-inverse"
    index_url_name = "translations_to_update"
    index_results_url_name = "translations_to_update_results"
    export_filename = "translations-to-update"
    no_results_message = _(
        "Every translated page you can edit is up to date with its English page."
    )
    model = Page
    # Open to anyone who can edit a page; the rows are the translated pages they can edit.
    permission_required = "change"
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("page_type", label=_("Page type"), accessor=page_type),
        Column(
            "language", label=_("Language"), accessor=lambda page: page.locale.get_display_name()
        ),
        TitleColumn(
            "source_title",
            label=_("English page"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.source_id]),
        ),
        DateColumn("source_last_published_at", label=_("English page published")),
        DateColumn(
            "translation_updated_at",
            label=_("Translation last updated"),
            accessor=translation_updated_at,
        ),
        ReasonTagsColumn("reasons", label=_("What needs doing"), accessor=reason_labels),
    ]
    list_export = [
        "title",
        "page_type",
        "language",
        "source_title",
        "source_last_published_at",
        "translation_updated_at",
        "reasons",
    ]
    export_headings = {
        "title": _("Page"),
        "page_type": _("Page type"),
        "language": _("Language"),
        "source_title": _("English page"),
        "source_last_published_at": _("English page published"),
        "translation_updated_at": _("Translation last updated"),
        "reasons": _("What needs doing"),
    }

    @cached_property
    def permission_policy(self):
        return page_policy()

    def to_row_dict(self, item):
        # The same values the columns show, for the spreadsheet.
        return {
            "title": item.title,
            "page_type": page_type(item),
            "language": item.locale.get_display_name(),
            "source_title": item.source_title,
            "source_last_published_at": item.source_last_published_at,
            "translation_updated_at": translation_updated_at(item),
            "reasons": [str(label) for label in reason_labels(item)],
        }

    def get_queryset(self):
        return translations_to_update(pages_user_can_edit(self.request.user))

    def get_filtered_queryset(self):
        return self.get_queryset()
