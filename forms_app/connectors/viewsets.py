from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .enums import DeliveryStatus
from .models import WebhookDelivery


class WebhookDeliveryViewSet(ModelViewSet):
    """What was sent to other systems and how it went; read-only, for superusers."""

    model = WebhookDelivery
    icon = "resubmit"
    menu_label = _("Webhook deliveries")
    menu_order = 900
    add_to_settings_menu = True
    # Written with every case change and again when sent, and linking only to its case: Wagtail's
    # reference index (which shows where a page, image or snippet is used) would have the
    # background worker index each one twice for nothing.
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    # Nobody may add or edit a delivery (see permissions.py); the viewset still wants a form.
    form_fields = []

    list_display = [
        "reference",
        "event",
        "queue",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda delivery: delivery.status == DeliveryStatus.DELIVERED,
        ),
        Column("response_status_code", label=_("Response code")),
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
    ]
    list_filter = ["status", "event", "queue"]
    search_fields = ["reference"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "reference",
        "event",
        "queue",
        "status",
        "attempts",
        "response_status_code",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "payload",
    ]

    def get_queryset(self, request):
        return self.model.objects.select_related("queue")

    def get_permissions_to_register(self):
        # Superusers only: nothing for the group permissions screen to offer.
        return super().get_permissions_to_register().none()
