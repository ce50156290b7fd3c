import datetime

import factory
import wagtail_factories

from home.models import HomePage
from services.models import (
    GuidePage,
    LocationPage,
    NewsIndexPage,
    NewsPage,
    ServiceIndexPage,
    ServicePage,
    StepByStepPage,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Townhall Council"
    slug = "home"
    intro = "Find out about council services and do things online."

    class Meta:
        model = HomePage


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Service category {n}")
    summary = factory.LazyAttribute(lambda page: f"Everything about {page.title.lower()}.")
    show_in_menus = True

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Service {n}")
    summary = factory.LazyAttribute(lambda page: f"How to {page.title.lower()}.")

    class Meta:
        model = ServicePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    summary = "News from the council."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    summary = factory.LazyAttribute(lambda page: f"What happened: {page.title.lower()}.")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = NewsPage


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Reception point {n}")
    summary = "Visit us for help with council services."
    address = "1 High Street\nGlanrhyd"
    postcode = "GR1 1AA"

    class Meta:
        model = LocationPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = "A guide in parts."
    parts = factory.LazyFunction(
        lambda: [
            ("part", {"title": "Overview", "body": [("paragraph", "<p>First part.</p>")]}),
            ("part", {"title": "Eligibility", "body": [("paragraph", "<p>Second part.</p>")]}),
        ]
    )

    class Meta:
        model = GuidePage


class StepByStepPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Step by step {n}")
    summary = "Do these things in order."
    steps = factory.LazyFunction(list)

    class Meta:
        model = StepByStepPage


def publish_translation(page, locale, **fields):
    """`page` translated into `locale` the way the demo's Welsh pages are made: Wagtail's
    copy_for_translation with these fields, then published. wagtail-localize knows nothing of it."""
    translated = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
