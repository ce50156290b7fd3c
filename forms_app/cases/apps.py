from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "forms_app.cases"
    label = "cases"
    verbose_name = _("Cases and queues")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
