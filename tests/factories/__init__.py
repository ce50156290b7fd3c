"""Factories for tests and the demo council (seed_demo builds from these too)."""

from .pages import (
    HomePageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from .users import UserFactory

__all__ = [
    "HomePageFactory",
    "LocationPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ServiceIndexPageFactory",
    "ServicePageFactory",
    "UserFactory",
]
