"""The booking journey's own answer types: a day with free times, and a time (the slot).

Both are lists of options made from what is free when the page is drawn (see journey.py), so
nothing full, closed, too soon or too far ahead is ever offered, and an option that has gone by the
time the resident continues is refused as not on the list. Their answers are stored in a form that
reads the same whatever is free later: the day as an ISO date, the time as an ISO date and time in
UTC. Neither is a choice question rules look at (their options change by the minute); the
appointment type and the place are, and are ordinary radios.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Size

from forms_app.journeys.questions import RadiosQuestionBlock, registry

DAY_FORMAT = "l j F Y"
TAKEN = _("That time has just been taken. Choose another time.")


def parse_day(stored):
    return parse_date(stored) if isinstance(stored, str) else None


def parse_slot(stored):
    """The aware start time of a stored slot answer, or None."""
    moment = parse_datetime(stored) if isinstance(stored, str) else None
    return moment if moment is not None and timezone.is_aware(moment) else None


def slot_value(starts_at):
    """How a time is stored and offered: ISO 8601 in UTC, the same in every language."""
    return starts_at.astimezone(datetime.UTC).isoformat()


def format_time(moment):
    """A local time as GOV.UK writes it: 9am, 10:30am, midday, 2:15pm."""
    local = timezone.localtime(moment)
    if local.hour == 12 and local.minute == 0:
        return gettext("midday")
    hour = local.hour % 12 or 12
    clock = f"{hour}:{local.minute:02d}" if local.minute else str(hour)
    if local.hour < 12:
        return gettext("%(time)sam") % {"time": clock}
    return gettext("%(time)spm") % {"time": clock}


def format_day(day):
    return date_format(day, DAY_FORMAT)


def format_short_day(day):
    """'Tuesday 8 December': a day in the booking window, where the year goes without saying."""
    return date_format(day, "l j F")


def format_slot(moment):
    """'10:30am on Tuesday 8 December 2026', in the site's time zone."""
    return gettext("%(time)s on %(day)s") % {
        "time": format_time(moment),
        "day": format_day(timezone.localtime(moment).date()),
    }


def week_heading(monday):
    return gettext("Week beginning %(day)s") % {"day": date_format(monday, "l j F")}


class GroupedChoiceField(forms.ChoiceField):
    """Radios drawn in groups, each under a heading (the week), numbered on as one list so the
    error summary's link to the first option still lands."""

    def __init__(self, *, groups=(), **kwargs):
        self.groups = []
        choices, position = [], 0
        for heading, options in groups:
            items = []
            for option in options:
                position += 1
                items.append((position, option))
                choices.append(option)
            self.groups.append({"heading": heading, "items": items})
        super().__init__(choices=choices, **kwargs)


@registry.register
class BookingDayBlock(RadiosQuestionBlock):
    """A day with free times, from a list grouped by week. Its options' values are ISO dates."""

    question_type = "booking_day"

    class Meta:
        label = _("Day of an appointment")

    def empty_message(self, value):
        return value.get("error_message") or _("Select a day")

    def form_field(self, value):
        by_week = {}
        for choice in self.choices_for(value):
            day = parse_day(choice.value)
            monday = day - datetime.timedelta(days=day.weekday()) if day else None
            by_week.setdefault(monday, []).append(choice)
        groups = [
            (week_heading(monday) if monday else "", options) for monday, options in by_week.items()
        ]
        return GroupedChoiceField(
            groups=groups,
            widget=forms.RadioSelect,
            **self.field_kwargs(value, invalid_choice=self.empty_message(value)),
        )

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        return Field(
            name,
            template="bookings/journey/grouped_radios.html",
            context={
                "legend_size": Size.for_legend(size),
                "legend_tag": "h1" if heading else None,
            },
        )

    def display(self, value, stored):
        day = parse_day(stored)
        return format_day(day) if day else str(stored or "")

    def branch_values(self, value):
        return []


@registry.register
class BookingSlotBlock(RadiosQuestionBlock):
    """The appointment's time: one of the free times, stored as its start in UTC."""

    question_type = "booking_slot"

    class Meta:
        label = _("Time of an appointment")

    def empty_message(self, value):
        return value.get("error_message") or _("Select a time")

    def form_field(self, value):
        # A time no longer on the list was free when the page was drawn: someone took it since.
        return forms.ChoiceField(
            choices=self.choices_for(value),
            widget=forms.RadioSelect,
            **self.field_kwargs(value, invalid_choice=TAKEN),
        )

    def display(self, value, stored):
        moment = parse_slot(stored)
        return format_slot(moment) if moment else str(stored or "")

    def branch_values(self, value):
        return []


def day_choices(days):
    return [{"value": day.isoformat(), "label": format_day(day), "hint": ""} for day in days]


def time_choices(free_times, *, with_day=False):
    """Options for free times: the time alone, or with its day (the nearest free times may fall
    on other days)."""
    return [
        {
            "value": slot_value(free.starts_at),
            "label": format_slot(free.starts_at) if with_day else format_time(free.starts_at),
            "hint": "",
        }
        for free in free_times
    ]


def as_choice(option):
    return Choice(option["value"], option["label"])
