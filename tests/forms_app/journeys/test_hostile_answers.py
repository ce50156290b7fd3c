"""Whatever anyone types into any question of the demo council's forms, the answer is checked
(valid, or a message to show), never a server error: dates of twenty digits, digits that are not
ASCII, control characters, very long text."""

import copy

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms_app.journeys import demo
from forms_app.journeys.models import JourneyPage
from forms_app.journeys.questions import QUESTION_TYPES, build_form

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
NUMBERISH = st.one_of(
    TEXT,
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.sampled_from(["²", "٣", "0", "31", "2026", "9" * 20, "1e9", "Infinity", "NaN"]),
)


def _every_type():
    """One page asking one question of every type editors can use, each with its rules on."""
    options = [
        {"label": "One", "value": "one", "hint": ""},
        {"label": "Two", "value": "", "hint": ""},
    ]
    settings = {
        "radios": {"choices": options},
        "checkboxes": {"choices": options, "none_option": True},
        "date": {"rule": "past"},
        "number": {"min_value": 1, "max_value": 10},
        "text": {"max_length": 5},
    }
    questions = [
        {"type": kind, "value": {"label": kind, "name": kind, **settings.get(kind, {})}}
        for kind in QUESTION_TYPES
    ]
    page = {"slug": "all", "heading": "All", "questions": questions, "rules": []}
    return [{"type": "question_page", "value": page}]


def _question_pages():
    """(form, page name) of every question page in the demo council's forms, and of a form
    with a question of every type."""
    forms = [*((title, steps) for _service, title, steps, _heading in demo.JOURNEYS)]
    forms.append(("Every type", _every_type()))
    return [
        pytest.param(steps, step["value"]["slug"], id=f"{title}:{step['value']['slug']}")
        for title, steps in forms
        for step in steps
        if step["type"] == "question_page"
    ]


def _field_names(form):
    """Every name a browser posts for this form: multi-part fields post name_0, name_1..."""
    names = []
    for name, field in form.fields.items():
        widgets = getattr(field.widget, "widgets", None)
        if widgets:
            names += [f"{name}_{index}" for index in range(len(widgets))]
        else:
            names.append(name)
    return names


@pytest.mark.django_db
@pytest.mark.parametrize(("steps", "slug"), _question_pages())
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_answer_is_checked_never_a_crash(steps, slug, data):
    step = JourneyPage(title="Form", steps=copy.deepcopy(steps)).journey().by_slug[slug]
    form = build_form(step.questions)
    names = _field_names(form)
    if data is None:  # the overflow the audit found: a date with a twenty-digit day
        posted = dict.fromkeys(names, "9" * 20)
    else:
        posted = {name: data.draw(NUMBERISH, label=name) for name in names}
    files = {
        name: SimpleUploadedFile("x.jpg", b"\xff\xd8\xff not really")
        for name, field in form.fields.items()
        if field.widget.needs_multipart_form
    }
    bound = build_form(step.questions, data=posted, files=files)
    assert bound.is_valid() in (True, False)
    if not bound.is_valid():
        assert all(str(message) for errors in bound.errors.values() for message in errors)


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [("9" * 20, "3", "2026"), ("27", "9" * 20, "2026"), ("²", "3", "2026"), ("٣", "3", "2026")],
)
def test_a_date_no_calendar_has_is_not_a_real_date(day, month, year):
    question = [{"type": "date", "value": {"label": "When?", "name": "when"}}]
    form = build_form(question, data={"when_0": day, "when_1": month, "when_2": year})
    assert not form.is_valid()
    assert form.errors["when"] == ["Date must be a real date"]
