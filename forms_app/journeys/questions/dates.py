"""Answers that are dates, optionally only in the past or only in the future.

A date is stored as an ISO string ("2025-03-27") and shown as "27 March 2025".
"""

from datetime import date

from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from . import registry
from .base import BaseQuestionBlock, _FieldsetMixin
from .fields import DateAnswerField


@registry.register
class DateQuestionBlock(_FieldsetMixin, BaseQuestionBlock):
    question_type = "date"
    required_message = _("Enter a date")

    rule = blocks.ChoiceBlock(
        required=False,
        choices=[
            ("past", _("Must be in the past (before today)")),
            ("past_or_today", _("Must be today or in the past")),
            ("future", _("Must be in the future (after today)")),
            ("future_or_today", _("Must be today or in the future")),
        ],
        label=_("Allowed dates"),
        help_text=_("Optional. Left blank, any real date is accepted."),
    )

    class Meta:
        icon = "date"
        label = _("Date")

    def field_kwargs(self, value, **messages):
        kwargs = super().field_kwargs(value, **messages)
        if not value.get("hint"):
            # Every GOV.UK date input shows an example, which should obey the rule; the editor can
            # write a better one.
            this_year = timezone.localdate().year
            year = this_year + 1 if "future" in (value.get("rule") or "") else this_year - 20
            kwargs["help_text"] = _("For example, 27 3 %(year)s") % {"year": year}
        return kwargs

    def form_field(self, value):
        return DateAnswerField(
            rule=value.get("rule"),
            **self.field_kwargs(
                value,
                invalid=_("Date must be a real date"),
                year=_("Year must include 4 numbers"),
                missing_day=_("Date must include a day"),
                missing_month=_("Date must include a month"),
                missing_year=_("Date must include a year"),
                missing_day_month=_("Date must include a day and month"),
                missing_day_year=_("Date must include a day and year"),
                missing_month_year=_("Date must include a month and year"),
                past=_("Date must be in the past"),
                past_or_today=_("Date must be today or in the past"),
                future=_("Date must be in the future"),
                future_or_today=_("Date must be today or in the future"),
            ),
        )

    def answer_for_storage(self, value, cleaned):
        return cleaned.isoformat() if isinstance(cleaned, date) else None

    def form_initial(self, value, stored):
        return _parse_date(stored)

    def display(self, value, stored):
        day = _parse_date(stored)
        return dateformat.format(day, "j F Y") if day else str(stored)


def _parse_date(stored):
    if isinstance(stored, date):
        return stored
    try:
        return date.fromisoformat(str(stored))
    except ValueError:
        return None
