"""Answers typed as words: a short answer on one line, or a long one in a textarea."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from crispy_forms_gds.layout import Field, Size

from ..enums import AnswerRole
from . import registry
from .base import BaseQuestionBlock
from .widgets import Textarea, _text_input

TEXT_MAX_LENGTH = 500
LONG_TEXT_MAX_LENGTH = 5000


@registry.register
class TextQuestionBlock(BaseQuestionBlock):
    question_type = "text"
    default_max_length = TEXT_MAX_LENGTH

    max_length = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=TEXT_MAX_LENGTH,
        label=_("Longest answer (characters)"),
        help_text=_("Optional. Left blank, answers can be up to 500 characters."),
    )
    holds_name = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("This is the resident's name"),
        help_text=_(
            "Tick if the answer is the name of the person filling in the form. Staff see it as "
            "the resident's name on the case, and it becomes optional when staff fill in the "
            "form for a resident at reception."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Short answer")

    def answer_role(self, value):
        # Editors say which short answer is the resident's name: a question called "street_name"
        # is not one.
        return AnswerRole.NAME if value.get("holds_name") else ""

    def empty_message(self, value):
        if value.get("error_message"):
            return value["error_message"]
        return _("Enter an answer to ‘%(question)s’") % {"question": value["label"]}

    def max_length_of(self, value):
        return value.get("max_length") or self.default_max_length

    def form_field(self, value):
        limit = self.max_length_of(value)
        too_long = _("Answer must be %(max)s characters or less") % {"max": limit}
        # The limit goes in a validator, not max_length, which would add a maxlength attribute
        # and silently cut off what people type.
        return forms.CharField(
            widget=self.widget(value),
            validators=[MaxLengthValidator(limit)],
            **self.field_kwargs(value, max_length=too_long),
        )

    def widget(self, value):
        # A browser or password manager fills in a name it knows, and says so to screen readers.
        if value.get("holds_name"):
            return _text_input(autocomplete="name", spellcheck="false")
        return _text_input()


@registry.register
class LongTextQuestionBlock(TextQuestionBlock):
    question_type = "long_text"
    holds_name = None  # a name is never a long answer
    default_max_length = LONG_TEXT_MAX_LENGTH

    max_length = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=LONG_TEXT_MAX_LENGTH,
        label=_("Longest answer (characters)"),
        help_text=_(
            "Optional. Left blank, answers can be up to 5,000 characters. Residents see how "
            "many they have left as they type."
        ),
    )

    class Meta:
        icon = "pilcrow"
        label = _("Long answer")

    def widget(self, value):
        # crispy-forms-gds adds the character count's id to aria-describedby, and fails with a
        # KeyError if the question has no hint to have put something there first.
        return Textarea(attrs={"aria-describedby": ""})

    def form_field(self, value):
        field = super().form_field(value)
        field.max_characters = self.max_length_of(value)
        return field

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        return Field.textarea(
            name,
            label_size=size,
            label_tag="h1" if heading else None,
            rows=5,
            max_characters=field.max_characters,
        )
