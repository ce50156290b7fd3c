from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "forms_app.cases"
    label = "cases"
    verbose_name = _("Cases and queues")

    def ready(self):
        from forms_app.journeys.intake import register_intake

        from .intake import open_case_for_submission

        register_intake(open_case_for_submission)
