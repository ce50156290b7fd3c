"""Admin reports from the anonymous search log: what residents search for most, and the searches
that find nothing (each one a gap an editor can fix with a page, a synonym or a promoted result).
Each search is shown with its language, since synonyms belong to one language."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

import django_filters

from services.feedback.permissions import can_see_reports
from townhall.spreadsheets import SafeReportView

from .models import DailySearchCount, language_choices

PERIODS = {"7": 7, "30": 30, "90": 90}
DEFAULT_DAYS = 30


def can_view_search_reports(user):
    """The editors who can act on a gap: anyone who can edit pages."""
    return can_see_reports(user)


@dataclass(frozen=True)
class QueryRow:
    query: str
    language: str
    searches: int
    results: int

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)


class PeriodFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Searches from"),
        choices=[
            ("7", _("The last 7 days")),
            ("30", _("The last 30 days")),
            ("90", _("The last 90 days")),
        ],
        empty_label=_("The last 30 days"),
        # Applied while counting, in TopSearchesReportView.get_filtered_queryset.
        method=lambda queryset, name, value: queryset,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        empty_label=_("All languages"),
        method=lambda queryset, name, value: queryset.filter(language=value),
    )

    class Meta:
        model = DailySearchCount
        fields = []


class TopSearchesReportView(SafeReportView):
    page_title = _("Top searches")
    header_icon = "search"
    index_url_name = "search_top_searches"
    index_results_url_name = "search_top_searches_results"
    filterset_class = PeriodFilterSet
    paginate_by = 100
    export_filename = "top-searches"
    no_results_message = _("No one has searched the website in this period.")
    only_without_results = False
    columns = [
        Column("query", label=_("Search")),
        Column("language_name", label=_("Language")),
        Column("searches", label=_("Times searched")),
        Column("results", label=_("Results")),
    ]
    list_export = ["query", "language_name", "searches", "results"]
    export_headings = {
        "query": _("Search"),
        "language_name": _("Language"),
        "searches": _("Times searched"),
        "results": _("Results"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return DailySearchCount.objects.all()

    def since(self):
        days = DEFAULT_DAYS
        if self.filters and self.filters.is_valid():
            days = PERIODS.get(self.filters.form.cleaned_data.get("period") or "", DEFAULT_DAYS)
        return timezone.localdate() - datetime.timedelta(days=days - 1)

    def get_filtered_queryset(self):
        counts = self.get_queryset().filter(day__gte=self.since())
        if self.filters and self.filters.is_valid():
            counts = self.filters.filter_queryset(counts)
        grouped = counts.values("query", "language").annotate(
            searches=Sum("searches"), results=Max("results")
        )
        if self.only_without_results:
            grouped = grouped.filter(results=0)
        return [
            QueryRow(row["query"], row["language"], row["searches"], row["results"])
            for row in grouped.order_by("-searches", "query", "language")
        ]


class NoResultsReportView(TopSearchesReportView):
    page_title = _("Searches with no results")
    header_icon = "warning"
    index_url_name = "search_no_results"
    index_results_url_name = "search_no_results_results"
    export_filename = "searches-with-no-results"
    no_results_message = _("Every search in this period found at least one page.")
    only_without_results = True
