from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from services.models import LocationPage

from .models import AppointmentType


class DeskDayForm(forms.Form):
    """Which location and day the reception desk shows."""

    location = forms.ModelChoiceField(
        label=_("Location"),
        queryset=LocationPage.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Select a location from the list.")},
    )
    day = forms.DateField(
        label=_("Day"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, for example 2026-12-01.")},
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["day"].initial = timezone.localdate()


class WalkInForm(forms.Form):
    appointment_type = forms.ModelChoiceField(
        label=_("What they need help with"),
        queryset=AppointmentType.objects.none(),
        error_messages={"required": _("Select what they need help with.")},
    )
    name = forms.CharField(
        label=_("Their name"),
        max_length=200,
        error_messages={"required": _("Enter their name.")},
    )

    def __init__(self, *args, appointment_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["appointment_type"].queryset = appointment_types


class ReportForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Weeks"),
        min_value=1,
        max_value=52,
        initial=8,
        required=False,
        error_messages={
            "min_value": _("Enter a number of weeks from 1 to 52."),
            "max_value": _("Enter a number of weeks from 1 to 52."),
            "invalid": _("Enter a number of weeks from 1 to 52."),
        },
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        help_text=_("Noted on the case, for example ‘Resident phoned: feeling unwell’."),
        max_length=255,
        required=False,
    )
