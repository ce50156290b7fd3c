from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Notification
from .permissions import NotificationPermissionPolicy
from .viewsets import NotificationViewSet

# Before any view asks, so Wagtail never makes a model-permission fallback for Notification.
register_permission_policy(Notification, NotificationPermissionPolicy(Notification))


@hooks.register("register_admin_viewset")
def register_notification_viewset():
    return NotificationViewSet("notifications")
