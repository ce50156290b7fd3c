"""A Django form for the questions on one page, laid out by crispy-forms-gds.

There is no <form> tag and no CSRF token: the engine's page wraps the form and carries its own.
"""

from django import forms

from crispy_forms.layout import LayoutObject
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout

from .api import _value, question_name


class _StaticHTML(LayoutObject):
    """Editor content between questions, already rendered. crispy's own HTML object would run
    it through the template engine, where an editor's "{{" would be read as template code."""

    def __init__(self, html):
        self.html = html
        self.fields = []

    def render(self, form, context, template_pack=None, **kwargs):
        return self.html


class QuestionForm(forms.Form):
    """One field per question, named by question_name(). ``questions`` maps those names to the
    question values; ``helper`` lays it out for ``{% crispy form %}`` without a <form> tag."""

    def __init__(self, questions, *, single_question_heading=None, **kwargs):
        super().__init__(**kwargs)
        values = [_value(question) for question in questions]
        asked = [value for value in values if value.block.is_question]
        heading = len(asked) == 1 and single_question_heading is not False
        self.questions = {}
        layout = []
        for value in values:
            block = value.block
            if not block.is_question:
                layout.append(_StaticHTML(block.render_basic(value)))
                continue
            name = question_name(value)
            if name in self.questions:
                raise ValueError(f"Two questions on one page are both named {name!r}.")
            self.questions[name] = value
            field = block.form_field(value)
            self.fields[name] = field
            layout.append(block.layout_field(name, field, heading=heading))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token
        self.helper.layout = Layout(*layout)


def build_form(questions, *, data=None, files=None, initial=None, single_question_heading=None):
    """A bound or unbound form for these questions (a StreamValue, stream children or values).

    With exactly one question its label or legend is the page's <h1>, as GOV.UK asks; pass
    ``single_question_heading=False`` when the page has a heading of its own. ``initial`` is
    keyed by question name and holds form values: see form_initial().
    """
    return QuestionForm(
        questions,
        data=data,
        files=files,
        initial=initial,
        single_question_heading=single_question_heading,
    )
