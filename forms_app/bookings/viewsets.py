"""Admin for what residents can book: appointment types and each location's schedule for one.

Both are snippets so that staff with the model permissions (the Customer services group, granted
in a migration) manage them, and appointment types get wagtail-localize's Translate action.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from townhall.spreadsheets import SafeSnippetIndexView

from .models import AppointmentType, BookableSchedule


def _notice(appointment_type):
    unit = appointment_type.get_minimum_notice_unit_display().lower()
    return f"{appointment_type.minimum_notice_amount} {unit}"


class AppointmentTypeViewSet(SnippetViewSet):
    model = AppointmentType
    index_view_class = SafeSnippetIndexView
    icon = "date"
    menu_label = _("Appointment types")
    list_display = [
        "name",
        "duration_minutes",
        Column("notice", label=_("Minimum notice"), accessor=_notice),
        "window_days",
    ]
    search_fields = ["name"]
    ordering = ["name"]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("buffer_minutes")])],
            heading=_("Length"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("minimum_notice_amount"), FieldPanel("minimum_notice_unit")]
                ),
                FieldPanel("window_days"),
                FieldPanel("change_cutoff_hours"),
            ],
            heading=_("When residents can book and change"),
        ),
        FieldPanel("what_to_bring"),
    ]


class BookableScheduleViewSet(SnippetViewSet):
    model = BookableSchedule
    index_view_class = SafeSnippetIndexView
    icon = "time"
    menu_label = _("Appointment schedules")
    list_display = ["appointment_type", "location", "capacity", "open_on_bank_holidays"]
    list_filter = ["appointment_type"]
    ordering = ["appointment_type__name", "location__title"]

    panels = [
        FieldPanel("appointment_type"),
        PageChooserPanel("location", page_type="services.LocationPage"),
        FieldPanel("capacity"),
        InlinePanel(
            "weekly_hours",
            heading=_("Usual week"),
            label=_("Appointment hours"),
            help_text=_(
                "When appointments are offered each week. These can differ from the opening "
                "hours, for example walk-ins in the morning and appointments in the afternoon."
            ),
            panels=[
                FieldRowPanel([FieldPanel("weekday"), FieldPanel("starts"), FieldPanel("ends")])
            ],
        ),
        FieldPanel("open_on_bank_holidays"),
        InlinePanel(
            "exceptions",
            heading=_("Exceptions"),
            label=_("Exception"),
            help_text=_(
                "Dates with different hours, or closed: leave the times blank to close all day. "
                "Add more than one row for a date to offer more than one stretch of time."
            ),
            panels=[
                FieldRowPanel([FieldPanel("date"), FieldPanel("starts"), FieldPanel("ends")]),
                FieldPanel("note"),
            ],
        ),
    ]

    def get_queryset(self, request):
        return self.model.objects.select_related("appointment_type", "location")


class AppointmentsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Appointments")
    menu_icon = "date"
    menu_order = 160
    items = (AppointmentTypeViewSet, BookableScheduleViewSet)
