from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "services.feedback"
    label = "feedback"
    verbose_name = _("Page feedback and content review")
