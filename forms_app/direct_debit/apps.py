from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectDebitConfig(AppConfig):
    """Direct Debit sign-up: the instruction journey, instructions, AUDDIS files, bank reports."""

    name = "forms_app.direct_debit"
    label = "direct_debit"
    verbose_name = _("Direct Debit")

    def ready(self):
        from forms_app.notifications.kinds import register_kind

        from . import questions  # noqa: F401 - registers the bank details answer type
        from .confirmation import CONFIRMATION

        register_kind(CONFIRMATION)
