"""A sensitive answer type, as a sub-app such as Direct Debit adds one (its bank details)."""

from django import forms
from django.core.validators import RegexValidator

from forms_app.journeys.questions import BaseQuestionBlock, registry


@registry.register
class MembershipNumberBlock(BaseQuestionBlock):
    """An eight-digit number a resident would not want on a case page: shown as its last two."""

    question_type = "membership_number"
    sensitive = True

    class Meta:
        label = "Membership number"

    def form_field(self, value):
        return forms.CharField(
            validators=[RegexValidator(r"^\d{8}$", "Enter your 8-digit membership number")],
            **self.field_kwargs(value),
        )

    def masked_display(self, value, stored):
        return f"Ending {str(stored)[-2:]}"
