from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceStatus(models.TextChoices):
    NORMAL = "normal", _("Running normally")
    DISRUPTED = "disrupted", _("Disrupted")
    SUSPENDED = "suspended", _("Suspended")


class ReviewInterval(models.IntegerChoices):
    QUARTERLY = 3, _("Every 3 months")
    HALF_YEARLY = 6, _("Every 6 months")
    YEARLY = 12, _("Every year")
    TWO_YEARLY = 24, _("Every 2 years")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
