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


# Every built-in answer type, one question page each (the page's slug and question's name are the
# type), with the settings editors can give it; the last page asks for the resident's name (the
# email question gives their address).
EVERY_TYPE_SETTINGS = {
    "text": {"max_length": 200},
    "number": {"min_value": 0, "max_value": 1000},
    "date": {"rule": "past"},
    "radios": {"choices": [{"label": "One", "value": "one", "hint": ""}]},
    "checkboxes": {
        "choices": [
            {"label": "One", "value": "one", "hint": ""},
            {"label": "Two", "value": "two", "hint": ""},
        ],
    },
}


def every_question_type_steps():
    """StreamField steps asking one question of each built-in type, then the resident's name."""
    from forms_app.journeys.questions import QUESTION_TYPES

    def page(slug, questions):
        return {
            "type": "question_page",
            "value": {"slug": slug, "heading": "", "questions": questions, "rules": []},
        }

    def question(kind, name, **value):
        return {"type": kind, "value": {"label": f"Question {name}", "name": name, **value}}

    steps = [
        page(kind.replace("_", "-"), [question(kind, kind, **EVERY_TYPE_SETTINGS.get(kind, {}))])
        for kind in QUESTION_TYPES
    ]
    return [*steps, page("your-name", [question("text", "full_name", holds_name=True)])]
