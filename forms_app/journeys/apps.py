from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "forms_app.journeys"
    label = "journeys"
    verbose_name = _("Online forms")
