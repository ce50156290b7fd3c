"""Factories for online forms (journeys). Import from here: tests.factories.journeys."""

import copy

import factory
import wagtail_factories

from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage

# What a resident types into the demo forms' address and contact pages.
ADDRESS = {
    "address_0": "12 Heol Ddu",
    "address_1": "",
    "address_2": "Glanrhyd",
    "address_3": "gr1 1aa",
}
CONTACT = {"full_name": "Sam Jones", "email": "sam@example.com", "phone": ""}


class JourneyPageFactory(wagtail_factories.PageFactory):
    """A live online form; `steps` takes the raw StreamField shape demo.py uses."""

    title = factory.Sequence(lambda n: f"Online form {n}")
    slug = "form"
    steps = factory.LazyFunction(lambda: copy.deepcopy(demo.MISSED_BIN))
    confirmation_heading = "Report sent"
    what_happens_next = demo.WHAT_HAPPENS_NEXT

    class Meta:
        model = JourneyPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        """Published as an editor would leave it, with a live revision (publish=False to skip)."""
        if create and extracted is not False:
            page.save_revision().publish()
