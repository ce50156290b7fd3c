from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BacsConfig(AppConfig):
    """Files exchanged with the bank: AUDDIS files of new and cancelled instructions, and the
    AUDDIS and ADDACS reports that come back."""

    name = "forms_app.direct_debit.bacs"
    label = "bacs"
    verbose_name = _("Bacs files")

    def ready(self):
        from . import signal_handlers  # noqa: F401
