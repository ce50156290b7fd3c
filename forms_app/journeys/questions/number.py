"""Answers that are numbers, whole or with decimals, optionally within a range."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import registry
from .base import BaseQuestionBlock
from .fields import NumberAnswerField
from .widgets import _text_input


@registry.register
class NumberQuestionBlock(BaseQuestionBlock):
    question_type = "number"
    required_message = _("Enter a number")

    allow_decimals = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Allow decimals"),
        help_text=_("Tick if answers like 2.5 make sense. Otherwise only whole numbers."),
    )
    min_value = blocks.IntegerBlock(
        required=False,
        label=_("Smallest answer allowed"),
        help_text=_("Optional, for example 0 or 1."),
    )
    max_value = blocks.IntegerBlock(
        required=False, label=_("Largest answer allowed"), help_text=_("Optional.")
    )

    class Meta:
        icon = "decimal"
        label = _("Number")

    def clean(self, value):
        value = super().clean(value)
        low, high = value.get("min_value"), value.get("max_value")
        if low is not None and high is not None and low > high:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "max_value": ValidationError(
                        _("The largest answer must be the same as or more than the smallest.")
                    )
                }
            )
        return value

    def form_field(self, value):
        low, high = value.get("min_value"), value.get("max_value")
        shown = {"min": _format_number(low), "max": _format_number(high)}
        whole = not value.get("allow_decimals")
        return NumberAnswerField(
            whole_numbers=whole,
            min_value=low,
            max_value=high,
            widget=_text_input(
                width=10, inputmode="numeric" if whole else "decimal", spellcheck="false"
            ),
            **self.field_kwargs(
                value,
                invalid=_("Enter a number"),
                whole=_("Enter a whole number"),
                range=_("Number must be between %(min)s and %(max)s") % shown,
                min_value=_("Number must be %(min)s or more") % shown,
                max_value=_("Number must be %(max)s or less") % shown,
            ),
        )

    def answer_for_storage(self, value, cleaned):
        if cleaned is None:
            return None
        if isinstance(cleaned, Decimal):
            if cleaned == cleaned.to_integral_value():
                return int(cleaned)
            # A string, so 0.1 stays 0.1 rather than becoming a float.
            return str(cleaned)
        return cleaned

    def display(self, value, stored):
        return _format_number(stored)


def _format_number(number):
    if number is None:
        return ""
    try:
        return f"{Decimal(str(number)):,}"
    except InvalidOperation:
        return str(number)
