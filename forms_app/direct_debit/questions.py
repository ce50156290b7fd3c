"""The answer types of the Direct Debit journey: bank details (sensitive) and the account
reference in the format the council's editor set.

Bank details are checked as the resident gives them: digits only, a sort code of 6 and an account
number of 6 to 8 (padded to 8), then the modulus check. An invalid number is refused on the spot;
a sort code the check cannot cover is accepted and staff see it was unchecked. The whole answer
lives only in the resident's session until the submit hook encrypts it into the instruction.
"""

import re
from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from forms_app.journeys.questions import BaseQuestionBlock, registry
from forms_app.journeys.questions.base import _FieldsetMixin
from forms_app.journeys.questions.widgets import AddressWidget, _mark_parts, _text_input

from .masking import ending
from .modulus.checker import BankDetailsError, check_account, normalise
from .modulus.enums import Verdict

ACCOUNT_NAME_MAX_LENGTH = 60
# Letters, spaces and the marks names have; the Bacs file keeps only its own character set.
_ACCOUNT_NAME = re.compile(r"[A-Za-z0-9À-ÿŵŷŴŶ .&/'\-]+")


class BankDetailsWidget(AddressWidget):
    """Name on the account, sort code and account number, each labelled, in one fieldset (the
    address widget's pattern: each part's error shows above it)."""

    PARTS = ("account_name", "sort_code", "account_number")

    def __init__(self, attrs=None):
        self.labels = (_("Name on the account"), _("Sort code"), _("Account number"))
        widgets = (
            _text_input(autocomplete="name", spellcheck="false"),
            _text_input(width=5, inputmode="numeric", autocomplete="off", spellcheck="false"),
            _text_input(width=10, inputmode="numeric", autocomplete="off", spellcheck="false"),
        )
        forms.MultiWidget.__init__(self, widgets, attrs)


class BankDetailsField(forms.MultiValueField):
    widget = BankDetailsWidget

    def __init__(self, **kwargs):
        fields = tuple(forms.CharField() for _part in BankDetailsWidget.PARTS)
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):  # pragma: no cover - clean() does the work
        return None

    def clean(self, value):
        for field in self.fields:
            field.widget.errors = []
        try:
            return self._clean_details(value)
        finally:
            self.widget.part_errors = [field.widget.errors for field in self.fields]

    def _problem(self, indexes, message, code):
        _mark_parts(self.fields, indexes, message)
        return ValidationError(message, code=code)

    def _clean_details(self, value):
        parts = [" ".join(str(part or "").split()) for part in (value or [])]
        account_name, sort_code, account_number = (parts + ["", "", ""])[:3]
        errors = []
        if not account_name:
            errors.append(self._problem([0], self.error_messages["account_name"], "required"))
        elif len(account_name) > ACCOUNT_NAME_MAX_LENGTH:
            errors.append(self._problem([0], self.error_messages["account_name_long"], "long"))
        elif not _ACCOUNT_NAME.fullmatch(account_name):
            errors.append(self._problem([0], self.error_messages["account_name_chars"], "chars"))
        if not sort_code:
            errors.append(self._problem([1], self.error_messages["sort_code"], "required"))
        if not account_number:
            errors.append(self._problem([2], self.error_messages["account_number"], "required"))
        if errors:
            raise ValidationError(errors)
        try:
            sort_code, account_number = normalise(sort_code, account_number)
        except BankDetailsError as problem:
            index = 1 if len(re.sub(r"\D", "", sort_code)) != 6 else 2
            raise self._problem([index], gettext(str(problem.message)), "invalid") from None
        result = check_account(sort_code, account_number)
        if result.verdict == Verdict.INVALID:
            raise self._problem([2, 1], self.error_messages["failed_check"], "modulus")
        return {
            "account_name": account_name,
            "sort_code": sort_code,
            "account_number": account_number,
            "verdict": str(result.verdict.value if hasattr(result.verdict, "value") else ""),
            "rule": str(result.rule or ""),
        }


def format_sort_code(sort_code):
    return "-".join(sort_code[i : i + 2] for i in range(0, 6, 2)) if len(sort_code) == 6 else ""


@registry.register
class BankDetailsQuestionBlock(_FieldsetMixin, BaseQuestionBlock):
    """The account to pay from. Sensitive: whole only in the resident's own session."""

    question_type = "bank_details"
    sensitive = True
    required_message = _("Enter the name on the account")

    class Meta:
        icon = "form"
        label = _("Bank details")

    def form_field(self, value):
        return BankDetailsField(
            **self.field_kwargs(
                value,
                account_name=_("Enter the name on the account"),
                account_name_long=_("Name on the account must be 60 characters or less"),
                account_name_chars=_(
                    "Name on the account must only include letters, numbers, spaces, "
                    "hyphens, apostrophes, full stops, ampersands and slashes"
                ),
                sort_code=_("Enter a sort code"),
                account_number=_("Enter an account number"),
                failed_check=_(
                    "Check your account number and sort code. They do not match a bank account "
                    "that can pay by Direct Debit"
                ),
            )
        )

    def form_initial(self, value, stored):
        if not isinstance(stored, Mapping):
            return None
        return {
            "account_name": stored.get("account_name", ""),
            "sort_code": format_sort_code(stored.get("sort_code", "")),
            "account_number": stored.get("account_number", ""),
        }

    def display(self, value, stored):
        if not isinstance(stored, Mapping):
            return ""
        return "\n".join(
            [
                gettext("Name on the account: %(name)s") % {"name": stored.get("account_name")},
                gettext("Sort code: %(sort_code)s")
                % {"sort_code": format_sort_code(stored.get("sort_code", ""))},
                gettext("Account number: %(number)s") % {"number": stored.get("account_number")},
            ]
        )

    def masked_display(self, value, stored):
        if not isinstance(stored, Mapping):
            return ""
        return gettext("Account %(ending)s") % {"ending": ending(stored.get("account_number"))}


class AccountReferenceField(forms.CharField):
    def __init__(self, *, pattern, format_message, **kwargs):
        self.pattern = re.compile(pattern)
        self.format_message = format_message
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        # Council references are read off bills with spaces in them.
        tidied = re.sub(r"\s+", "", value or "").upper()
        if tidied and not self.pattern.fullmatch(tidied):
            raise ValidationError(self.format_message, code="format")
        return tidied


@registry.register
class AccountReferenceQuestionBlock(BaseQuestionBlock):
    """What the payments are for, as the council's system knows it (a council tax account
    number): checked against the format the page's editor gave."""

    question_type = "dd_account_reference"
    pattern = blocks.CharBlock(required=False, default=".+")
    example = blocks.CharBlock(required=False, default="")

    class Meta:
        icon = "form"
        label = _("Account reference")

    def form_field(self, value):
        example = value.get("example") or ""
        if example:
            message = gettext("Enter %(what)s in the correct format, like %(example)s") % {
                "what": value["label"][:1].lower() + value["label"][1:],
                "example": example,
            }
        else:
            message = gettext("Enter %(what)s in the correct format") % {
                "what": value["label"][:1].lower() + value["label"][1:]
            }
        return AccountReferenceField(
            pattern=value.get("pattern") or ".+",
            format_message=message,
            max_length=100,
            widget=_text_input(width=20, spellcheck="false"),
            **self.field_kwargs(value),
        )
