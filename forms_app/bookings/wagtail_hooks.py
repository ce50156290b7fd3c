from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .desk_booking_views import DeskBookView, DeskChangeView
from .desk_views import (
    DeskActionView,
    DeskCancelView,
    DeskExportView,
    DeskView,
    ServiceStandardView,
)
from .permissions import can_work_desk
from .viewsets import AppointmentsViewSetGroup

register_snippet(AppointmentsViewSetGroup)


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return can_work_desk(request.user)


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [
        path("reception-desk/", DeskView.as_view(), name="bookings_desk"),
        path(
            "reception-desk/<int:pk>/status/", DeskActionView.as_view(), name="bookings_desk_action"
        ),
        path(
            "reception-desk/<int:pk>/cancel/", DeskCancelView.as_view(), name="bookings_desk_cancel"
        ),
        path(
            "reception-desk/<int:pk>/change/", DeskChangeView.as_view(), name="bookings_desk_change"
        ),
        path("reception-desk/book/", DeskBookView.as_view(), name="bookings_desk_book"),
        path("reception-desk/export/", DeskExportView.as_view(), name="bookings_desk_export"),
        path(
            "reception-service-standard/",
            ServiceStandardView.as_view(),
            name="bookings_service_standard",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return DeskMenuItem(
        _("Reception desk"),
        reverse("bookings_desk"),
        name="reception-desk",
        icon_name="date",
        order=255,
    )


@hooks.register("register_reports_menu_item")
def register_service_standard_menu_item():
    return DeskMenuItem(
        _("Reception service standard"),
        reverse("bookings_service_standard"),
        name="reception-service-standard",
        icon_name="date",
        order=910,
    )
