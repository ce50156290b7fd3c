from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site chrome")

    def ready(self):
        from . import admin_scripts
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        admin_scripts.install()
