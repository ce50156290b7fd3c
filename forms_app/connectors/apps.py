from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectorsConfig(AppConfig):
    name = "forms_app.connectors"
    label = "connectors"
    verbose_name = _("Connectors to other systems")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import WebhookDelivery
        from .permissions import SuperuserReadOnlyPolicy
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_permission_policy(WebhookDelivery, SuperuserReadOnlyPolicy(WebhookDelivery))
