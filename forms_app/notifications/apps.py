from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "forms_app.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from forms_app.journeys.messages import register_resident_mailer

        from .kinds import CASEWORK_KINDS, SAVED_FORM, register_kind
        from .outbox import queue_resident_email
        from .signal_handlers import register_signal_handlers

        # As any other app registers its own kinds (see kinds.py).
        for spec in (*CASEWORK_KINDS, SAVED_FORM):
            register_kind(spec)
        register_signal_handlers()
        register_resident_mailer(queue_resident_email)
