from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import NoResultsReportView, TopSearchesReportView, can_view_search_reports
from .viewsets import SearchViewSetGroup


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_search_reports(request.user)


@hooks.register("register_admin_viewset")
def register_search_viewsets():
    return SearchViewSetGroup()


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/top-searches/", TopSearchesReportView.as_view(), name="search_top_searches"),
        path(
            "reports/top-searches/results/",
            TopSearchesReportView.as_view(results_only=True),
            name="search_top_searches_results",
        ),
        path("reports/no-results/", NoResultsReportView.as_view(), name="search_no_results"),
        path(
            "reports/no-results/results/",
            NoResultsReportView.as_view(results_only=True),
            name="search_no_results_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_top_searches_menu_item():
    return SearchReportMenuItem(
        _("Top searches"),
        reverse("search_top_searches"),
        name="top-searches",
        icon_name="search",
        order=1400,
    )


@hooks.register("register_reports_menu_item")
def register_no_results_menu_item():
    return SearchReportMenuItem(
        _("Searches with no results"),
        reverse("search_no_results"),
        name="searches-with-no-results",
        icon_name="warning",
        order=1410,
    )
