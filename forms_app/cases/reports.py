"""Channel shift: how many cases residents send online themselves, and how many staff send for them.

One row per online form per month, counted in one aggregate query over the cases the member of
staff may see. A falling assisted share means more residents manage on their own.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, DateField, Q
from django.db.models.functions import TruncMonth
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale, Page

import django_filters

from townhall.spreadsheets import SafeReportView

from .enums import Channel
from .models import Case

VIEW_PERMISSION = "cases.view_case"


def can_view_report(user):
    return user.is_active and user.has_perm(VIEW_PERMISSION)


@dataclass(frozen=True)
class ChannelShiftRow:
    form: str
    month: date
    online: int
    assisted: int

    @property
    def total(self):
        return self.online + self.assisted

    @property
    def assisted_share(self):
        """Percentage of the month's cases that staff sent, to one decimal place."""
        return round(100 * self.assisted / self.total, 1) if self.total else 0.0

    @property
    def month_label(self):
        return format_date(self.month, "F Y")

    @property
    def assisted_share_label(self):
        return f"{self.assisted_share:g}%"


def channel_shift(cases):
    """Rows of online and assisted counts per form and month, newest month first.

    A form and its translations are one form: English and Welsh cases are counted together, under
    the form's title in the site's default language.
    """
    grouped = (
        cases.annotate(month=TruncMonth("created_at", output_field=DateField()))
        .values("month", "journey__translation_key")
        .annotate(
            online=Count("pk", filter=Q(channel=Channel.ONLINE)),
            assisted=Count("pk", filter=Q(channel=Channel.ASSISTED)),
        )
        .order_by("-month")
    )
    titles = _form_titles({row["journey__translation_key"] for row in grouped} - {None})
    gone = str(_("Form no longer on the website"))
    rows = [
        ChannelShiftRow(
            form=titles.get(row["journey__translation_key"], gone),
            month=row["month"],
            online=row["online"],
            assisted=row["assisted"],
        )
        for row in grouped
    ]
    return sorted(rows, key=lambda row: (-row.month.toordinal(), row.form))


def _form_titles(translation_keys):
    """{translation key: the form's title}, in the default language where it has a page in it."""
    default = Locale.get_default()
    titles = {}
    pages = Page.objects.filter(translation_key__in=translation_keys).values_list(
        "translation_key", "title", "locale_id"
    )
    for key, title, locale_id in pages:
        if key not in titles or locale_id == default.pk:
            titles[key] = title
    return titles


class ChannelShiftFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Case
        fields = ["created_at"]


class ChannelShiftReportView(SafeReportView):
    page_title = _("Channel shift")
    header_icon = "form"
    filterset_class = ChannelShiftFilterSet
    index_url_name = "cases_channel_shift"
    index_results_url_name = "cases_channel_shift_results"
    paginate_by = 100
    export_filename = "channel-shift"
    columns = [
        Column("form", label=_("Online form")),
        Column("month_label", label=_("Month")),
        Column("online", label=_("Online")),
        Column("assisted", label=_("Assisted")),
        Column("assisted_share_label", label=_("Assisted share")),
    ]
    list_export = ["form", "month", "online", "assisted", "assisted_share"]
    export_headings = {
        "form": _("Online form"),
        "month": _("Month"),
        "online": _("Online"),
        "assisted": _("Assisted"),
        "assisted_share": _("Assisted share (%)"),
    }
    custom_field_preprocess = {
        # A spreadsheet gets a real date; a CSV the unambiguous "2026-11".
        "month": {SafeReportView.FORMAT_CSV: lambda month: month.strftime("%Y-%m")},
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Case.objects.for_user(self.request.user)

    def get_filtered_queryset(self):
        # Filter the cases first, then count: the date range applies to each case received.
        return channel_shift(self.filter_queryset(self.get_queryset()))
