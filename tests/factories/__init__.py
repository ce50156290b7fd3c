"""Factories for tests and the demo council (seed_demo builds from these too)."""

from .council import CouncilDetailsFactory
from .pages import (
    GuidePageFactory,
    HomePageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    StepByStepPageFactory,
    publish_translation,
)
from .users import UserFactory

__all__ = [
    "CouncilDetailsFactory",
    "GuidePageFactory",
    "HomePageFactory",
    "LocationPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ServiceIndexPageFactory",
    "ServicePageFactory",
    "StepByStepPageFactory",
    "UserFactory",
    "publish_translation",
]
