"""Wagtail hooks for casework reports and assisted digital (imported by wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from forms_app.journeys import assisted

from .reports import ChannelShiftReportView, can_view_report
from .resident_views import HelpAResidentView


class ChannelShiftMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


class HelpAResidentMenuItem(MenuItem):
    def is_shown(self, request):
        return assisted.can_assist(request.user)


@hooks.register("register_admin_urls")
def register_case_report_urls():
    return [
        path(
            "channel-shift-report/",
            ChannelShiftReportView.as_view(),
            name="cases_channel_shift",
        ),
        path(
            "channel-shift-report/results/",
            ChannelShiftReportView.as_view(results_only=True),
            name="cases_channel_shift_results",
        ),
        path("help-a-resident/", HelpAResidentView.as_view(), name="cases_help_a_resident"),
    ]


@hooks.register("register_reports_menu_item")
def register_channel_shift_menu_item():
    return ChannelShiftMenuItem(
        _("Channel shift"),
        reverse("cases_channel_shift"),
        name="channel-shift",
        icon_name="form",
        order=900,
    )


@hooks.register("register_admin_menu_item")
def register_help_a_resident_menu_item():
    return HelpAResidentMenuItem(
        _("Help a resident online"),
        reverse("cases_help_a_resident"),
        name="help-a-resident",
        icon_name="user",
        order=250,
    )
