from django.template.loader import render_to_string

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from forms_app.journeys.pages import own_confirmation_kind
from forms_app.journeys.receipts import Receipt

from .enums import NotificationKind, NotificationStatus
from .models import Notification, notifications_for_case
from .permissions import NotificationPermissionPolicy
from .viewsets import NotificationViewSet

# Before any view asks, so Wagtail never makes a model-permission fallback for Notification.
register_permission_policy(Notification, NotificationPermissionPolicy(Notification))


@hooks.register("register_admin_viewset")
def register_notification_viewset():
    return NotificationViewSet("notifications")


@hooks.register("case_detail_panels")
def messages_sent_panel(request, case):
    """What the resident and team were sent about the case (the case page has checked that the
    user may see the case)."""
    return render_to_string(
        "notifications/case_notifications.html",
        {"notifications": notifications_for_case(case)},
        request=request,
    )


@hooks.register("submission_receipts")
def confirmation_receipts(submission):
    """The confirmation queued for the resident, by email or text: "We have received your form",
    or the page type's own confirmation that replaces it."""
    kind = own_confirmation_kind(submission.journey) or NotificationKind.RECEIVED
    return [
        Receipt(channel, recipient)
        for channel, recipient in Notification.objects.filter(
            case__submission=submission, kind=kind
        )
        .exclude(status=NotificationStatus.CANCELLED)
        .values_list("channel", "recipient")
    ]
