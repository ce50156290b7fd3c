"""Answers chosen from a list: one option (radios), any options (checkboxes), or yes or no.

Editors write each option's words and may give it a value; the value (the words, if none) is
what rules match and what a radios answer stores. A checkboxes answer stores the options' words.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Size

from ..translatable import TranslatedWordsMixin
from . import registry
from .base import BaseQuestionBlock
from .fields import CheckboxesAnswerField

# The "None of these" checkbox. Derived values are slugs, which never start with "_".
NONE_OF_THESE = "_none"


class AnswerOptionBlock(TranslatedWordsMixin, blocks.StructBlock):
    # The value is not among the translated words: a rule written for the English form keeps
    # matching the Welsh one.
    translated_words = ("label", "hint")

    label = blocks.CharBlock(label=_("Option"), max_length=250)
    value = blocks.RegexBlock(
        regex=r"^[^\r\n]{1,100}$",
        required=False,
        label=_("Value in exports and rules"),
        help_text=_("Optional. Left blank, the option's words are used."),
        error_messages={"invalid": _("Keep the value to one line of 100 characters or fewer.")},
    )
    hint = blocks.CharBlock(
        required=False,
        default="",
        label=_("Hint"),
        help_text=_("Optional. A short line under this option."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")

    def keep_keys(self, value):
        # A value left blank is the option's words: the Welsh words would make another.
        if not (value.get("value") or "").strip():
            value["value"] = _option_value(value)


def _option_value(option):
    return (option.get("value") or "").strip() or str(option["label"]).strip()


class _OptionsMixin:
    """Radios and checkboxes: editors list options; each has words and a value."""

    translated_words = (*BaseQuestionBlock.translated_words, "choices")

    def clean(self, value):
        value = super().clean(value)
        seen, repeated = set(), []
        for option in value["choices"]:
            key = _option_value(option).lower()
            if key == NONE_OF_THESE or key in seen:
                repeated.append(_option_value(option))
            seen.add(key)
        if repeated:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": blocks.ListBlockValidationError(
                        non_block_errors=[
                            _("Each option needs different words or a different value: %(options)s")
                            % {"options": ", ".join(f"‘{option}’" for option in repeated)}
                        ]
                    )
                }
            )
        return value

    def choices_for(self, value):
        choices = []
        for option in value["choices"]:
            extra = {"hint": option["hint"]} if option.get("hint") else {}
            choices.append(Choice(_option_value(option), option["label"], **extra))
        return choices

    def label_for(self, value, stored):
        for option in value["choices"]:
            if stored in (_option_value(option), option["label"]):
                return str(option["label"])
        return str(stored)

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        layout = Field.checkboxes if isinstance(field, forms.MultipleChoiceField) else Field.radios
        return layout(name, legend_size=size, legend_tag="h1" if heading else None)


def _options_list(min_num):
    return blocks.ListBlock(
        AnswerOptionBlock(),
        min_num=min_num,
        label=_("Options"),
        help_text=_("In an order that helps people find theirs: often the most common first."),
    )


@registry.register
class RadiosQuestionBlock(_OptionsMixin, BaseQuestionBlock):
    question_type = "radios"

    choices = _options_list(min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("One answer from a list (radios)")

    def empty_message(self, value):
        # Naming the question, so the error summary says which of several it is about.
        if value.get("error_message"):
            return value["error_message"]
        return _("Select an answer to ‘%(question)s’") % {"question": value["label"]}

    def form_field(self, value):
        return forms.ChoiceField(
            choices=self.choices_for(value),
            widget=forms.RadioSelect,
            **self.field_kwargs(value, invalid_choice=self.empty_message(value)),
        )

    def display(self, value, stored):
        return self.label_for(value, stored)

    def branch_values(self, value):
        return [_option_value(option) for option in value["choices"]]


@registry.register
class CheckboxesQuestionBlock(_OptionsMixin, BaseQuestionBlock):
    question_type = "checkboxes"
    translated_words = (*_OptionsMixin.translated_words, "none_label")

    choices = _options_list(min_num=1)
    none_option = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Add a ‘None of these’ option"),
        help_text=_(
            "Shown last, after ‘or’. Residents who tick it cannot tick anything else, so "
            "‘nothing applies’ is a real answer rather than a skipped question."
        ),
    )
    none_label = blocks.CharBlock(
        required=False,
        default="",
        max_length=100,
        label=_("Words for the ‘None of these’ option"),
        help_text=_("Optional. Left blank, it says ‘None of these’."),
    )

    class Meta:
        icon = "tasks"
        label = _("Any answers from a list (checkboxes)")

    def empty_message(self, value):
        if value.get("error_message"):
            return value["error_message"]
        return _("Select at least one answer to ‘%(question)s’") % {"question": value["label"]}

    def none_label_for(self, value):
        return value.get("none_label") or _("None of these")

    def choices_for(self, value):
        choices = super().choices_for(value)
        if value.get("none_option") and choices:
            choices[-1].divider = _("or")
            choices.append(Choice(NONE_OF_THESE, self.none_label_for(value), exclusive=True))
        return choices

    def form_field(self, value):
        none_label = self.none_label_for(value)
        return CheckboxesAnswerField(
            choices=self.choices_for(value),
            exclusive_value=NONE_OF_THESE if value.get("none_option") else None,
            **self.field_kwargs(
                value,
                invalid_choice=self.empty_message(value),
                exclusive=_("Select the options that apply, or select ‘%(none)s’")
                % {"none": none_label},
            ),
        )

    def answer_for_storage(self, value, cleaned):
        if not cleaned:
            return None
        labels = {_option_value(option): str(option["label"]) for option in value["choices"]}
        labels[NONE_OF_THESE] = str(self.none_label_for(value))
        return [labels.get(chosen, chosen) for chosen in cleaned]

    def form_initial(self, value, stored):
        if not stored:
            return []
        by_label = {str(option["label"]): _option_value(option) for option in value["choices"]}
        by_label[str(self.none_label_for(value))] = NONE_OF_THESE
        return [by_label.get(label, label) for label in stored]

    def display(self, value, stored):
        if isinstance(stored, str):
            return stored
        return "\n".join(str(label) for label in stored)

    def stored_in(self, value, other, stored):
        # The options' words are stored: back to their values, then to the other words.
        if not isinstance(stored, list):
            return stored
        return self.answer_for_storage(other, self.form_initial(value, stored))


@registry.register
class YesNoQuestionBlock(BaseQuestionBlock):
    question_type = "yes_no"
    required_message = _("Select yes or no")

    class Meta:
        icon = "help"
        label = _("Yes or no")

    def form_field(self, value):
        return forms.ChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))],
            widget=forms.RadioSelect,
            **self.field_kwargs(value, invalid_choice=_("Select yes or no")),
        )

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        return Field.radios(name, legend_size=size, legend_tag="h1" if heading else None)

    def display(self, value, stored):
        return {"yes": str(_("Yes")), "no": str(_("No"))}.get(stored, str(stored))

    def branch_values(self, value):
        return ["yes", "no"]
