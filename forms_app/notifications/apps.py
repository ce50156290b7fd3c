from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "forms_app.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
