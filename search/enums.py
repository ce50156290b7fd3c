from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultType(models.TextChoices):
    """The kinds of page a resident can narrow their results to."""

    SERVICES = "services", _("Services")
    GUIDES = "guides", _("Guides and step by steps")
    NEWS = "news", _("News")
    LOCATIONS = "locations", _("Places to visit")


# Which page models each kind covers, and how much a match on one counts. Residents mostly search
# to do something, so services and guides outrank news that mentions the same words.
RESULT_MODELS = {
    "services.servicepage": (ResultType.SERVICES, 1.0),
    "services.serviceindexpage": (ResultType.SERVICES, 0.85),
    "services.guidepage": (ResultType.GUIDES, 0.95),
    "services.stepbysteppage": (ResultType.GUIDES, 0.95),
    "services.locationpage": (ResultType.LOCATIONS, 0.85),
    "services.newspage": (ResultType.NEWS, 0.6),
}
