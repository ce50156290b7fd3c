from wagtail import hooks

from .viewsets import WebhookDeliveryViewSet


@hooks.register("register_admin_viewset")
def register_webhook_delivery_viewset():
    return WebhookDeliveryViewSet("webhook_deliveries")
