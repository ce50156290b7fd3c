import datetime

from django.utils import timezone

import factory

from home.alerts.enums import AlertLevel
from home.alerts.models import AlertBanner


class AlertBannerFactory(factory.django.DjangoModelFactory):
    """An information alert for the whole site that started an hour ago and has no end."""

    title = factory.Sequence(lambda n: f"Alert {n}")
    message = "<p>Check before you travel.</p>"
    level = AlertLevel.INFORMATION
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    ends_at = None
    scope = None

    class Meta:
        model = AlertBanner
