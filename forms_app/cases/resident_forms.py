"""The form a resident fills in to see how their case is going."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.utils.translation import gettext_lazy as _

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout

from forms_app.journeys.questions import normalise_uk_postcode
from forms_app.journeys.references import normalise_reference

EMAIL = "email"
POSTCODE = "postcode"


def compact_email(value):
    return (value or "").strip().lower()


def compact_postcode(value):
    return "".join((value or "").split()).upper()


class CheckProgressForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference number"),
        help_text=_(
            "This is 8 letters and numbers, like HT7K 9QWX. It is on the page you saw when you "
            "sent the form and in the email we sent you."
        ),
        error_messages={"required": _("Enter your reference number")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    contact = forms.CharField(
        label=_("Email address or postcode"),
        help_text=_("Enter the email address or postcode you gave us when you filled in the form."),
        # A validator rather than max_length, which would add a maxlength attribute and silently
        # cut off what people type.
        validators=[
            MaxLengthValidator(320, message=_("Email address must be 320 characters or less"))
        ],
        error_messages={"required": _("Enter the email address or postcode you gave us")},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            Field.text("reference", field_width=10),
            Field.text("contact", field_width="two-thirds"),
        )

    def clean_reference(self):
        reference = normalise_reference(self.cleaned_data["reference"])
        if reference is None:
            raise ValidationError(
                _("Reference number must be 8 letters and numbers, like HT7K 9QWX"),
                code="invalid",
            )
        return reference

    def clean_contact(self):
        """(EMAIL or POSTCODE, the value in the form it is compared in)."""
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValidationError(
                    _("Enter an email address in the correct format, like name@example.com"),
                    code="invalid",
                ) from None
            return EMAIL, compact_email(value)
        postcode = normalise_uk_postcode(value)
        if postcode is None:
            raise ValidationError(
                _("Enter a full UK postcode, like GR1 2BD, or the email address you gave us"),
                code="invalid",
            )
        return POSTCODE, compact_postcode(postcode)
