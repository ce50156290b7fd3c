from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulusConfig(AppConfig):
    """Bank account checking: Vocalink's modulus rules (VALACDOS, SCSUBTAB) as versioned data."""

    name = "forms_app.direct_debit.modulus"
    label = "modulus"
    verbose_name = _("Bank account checking")
