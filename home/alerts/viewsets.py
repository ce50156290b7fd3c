from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from townhall.spreadsheets import SafeSnippetIndexView

from .models import AlertBanner


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    index_view_class = SafeSnippetIndexView
    icon = "warning"
    menu_label = _("Alert banners")
    menu_order = 250
    add_to_admin_menu = True

    list_display = [
        "title",
        "level",
        Column("scope_label", label=_("Where it shows")),
        "starts_at",
        "ends_at",
        StatusTagColumn("status", label=_("Live"), primary=lambda alert: alert.is_showing()),
    ]
    list_filter = ["level"]
    # Readable labels rather than stored codes, so the download makes sense in a spreadsheet.
    list_export = ["title", "get_level_display", "scope_label", "starts_at", "ends_at", "status"]
    export_headings = {
        "get_level_display": _("Level"),
        "scope_label": _("Where it shows"),
        "status": _("Live"),
    }
    search_fields = ["title"]
    ordering = ["-starts_at"]

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("level"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("When it shows"),
        ),
        FieldPanel("scope"),
    ]

    def get_queryset(self, request):
        # The listing shows each alert's page title: fetch the pages with the alerts.
        return self.model.objects.select_related("scope")
