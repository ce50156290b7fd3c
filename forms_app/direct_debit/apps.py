from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectDebitConfig(AppConfig):
    """Direct Debit sign-up: the instruction journey, instructions, AUDDIS files, bank reports."""

    name = "forms_app.direct_debit"
    label = "direct_debit"
    verbose_name = _("Direct Debit")
