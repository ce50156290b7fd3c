"""The staff view of what was sent: a read-only list and detail, scoped to the user's queues."""

from django.contrib.auth.models import Permission
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from townhall.spreadsheets import SafeSpreadsheetMixin

from .models import Notification


class NotificationIndexView(SafeSpreadsheetMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().for_user(self.request.user).select_related("case")


class NotificationInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        # The same scope as the list: an id typed into the address bar shows nothing more.
        return get_object_or_404(Notification.objects.for_user(self.request.user), pk=self.pk)

    def get_recipient_display_value(self):
        return self.object.masked_recipient


class NotificationViewSet(ModelViewSet):
    model = Notification
    icon = "mail"
    menu_label = _("Notifications")
    menu_order = 310
    add_to_admin_menu = True
    # Written with every case change and again when sent, and linking only to its case: Wagtail's
    # reference index (which shows where a page, image or snippet is used) would have the
    # background worker index each one twice for nothing.
    add_to_reference_index = False
    index_view_class = NotificationIndexView
    inspect_view_class = NotificationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        DateColumn("created_at", label=_("Queued")),
        Column("reference", label=_("Case"), sort_key="reference"),
        Column("kind", label=_("About"), accessor="get_kind_display"),
        Column("channel", label=_("Sent by"), accessor="get_channel_display"),
        Column("masked_recipient", label=_("To")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("attempts", label=_("Attempts")),
    ]
    list_filter = ["status", "kind", "channel"]
    search_fields = ["reference", "subject"]
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = [
        "reference",
        "kind",
        "channel",
        "recipient",
        "language",
        "subject",
        "body",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "provider_id",
        "created_at",
        "sent_at",
    ]

    def get_permissions_to_register(self):
        # Access follows queue membership (see permissions.py), not model permissions.
        return Permission.objects.none()

    def get_urlpatterns(self):
        # Read only: the outbox is written by casework, never by hand.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
