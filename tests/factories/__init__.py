"""Factories for tests. Runtime code never imports them: seed_demo builds the demo council without
the dev extras (see tests/test_runtime_imports.py), and a factory may build on the demo's data."""

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
