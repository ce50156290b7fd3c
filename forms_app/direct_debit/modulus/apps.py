from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulusConfig(AppConfig):
    """Bank account checking: Vocalink's modulus rules (VALACDOS, SCSUBTAB) as versioned data."""

    name = "forms_app.direct_debit.modulus"
    label = "modulus"
    verbose_name = _("Bank account checking")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import ModulusRelease
        from .permissions import SuperuserReadOnlyPolicy

        register_permission_policy(ModulusRelease, SuperuserReadOnlyPolicy(ModulusRelease))
