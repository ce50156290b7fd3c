"""Forms for Revenues staff (importing a report) and residents (asking to cancel)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout

from forms_app.journeys.questions import normalise_uk_postcode

from .reports import normalise_reference

# A report of a few thousand advices is well under this; anything bigger is not one.
MAX_REPORT_BYTES = 5 * 1024 * 1024


class ImportReportForm(forms.Form):
    report = forms.FileField(
        label=_("Report file"),
        help_text=_("The AUDDIS or ADDACS report as a CSV file."),
        error_messages={"required": _("Choose the report file to import")},
    )

    def clean_report(self):
        upload = self.cleaned_data["report"]
        if upload.size > MAX_REPORT_BYTES:
            raise ValidationError(_("The file must be smaller than 5MB"), code="too_big")
        return upload


class CancelDirectDebitForm(forms.Form):
    reference = forms.CharField(
        label=_("Direct Debit reference"),
        help_text=_(
            "This is on the confirmation we sent you when you set up the Direct Debit, and on "
            "your bank statement."
        ),
        error_messages={"required": _("Enter your Direct Debit reference")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        help_text=_("The postcode of the address you gave when you set up the Direct Debit."),
        error_messages={"required": _("Enter your postcode")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            Field.text("reference", field_width=20),
            Field.text("postcode", field_width=10),
        )

    def clean_reference(self):
        reference = normalise_reference(self.cleaned_data["reference"])
        if not 6 <= len(reference) <= 18:
            raise ValidationError(
                _("Direct Debit reference must be between 6 and 18 characters"), code="invalid"
            )
        return reference

    def clean_postcode(self):
        postcode = normalise_uk_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise ValidationError(_("Enter a full UK postcode, like GR1 2BD"), code="invalid")
        return "".join(postcode.split()).upper()
