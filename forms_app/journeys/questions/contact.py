"""Answers that say how to reach someone: an email address, a UK phone number, postcode, address."""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from ..enums import AnswerRole
from . import registry
from .base import BaseQuestionBlock, _FieldsetMixin
from .fields import AddressAnswerField, LowerDomainEmailField, UKPhoneField, UKPostcodeField
from .uk import format_uk_phone
from .widgets import AddressWidget, _text_input

# The longest an email address can be (RFC 3696): what the question accepts, and what a case and
# a notification have room for.
EMAIL_MAX_LENGTH = 320


@registry.register
class EmailQuestionBlock(BaseQuestionBlock):
    question_type = "email"
    role = AnswerRole.EMAIL
    required_message = _("Enter an email address")

    class Meta:
        icon = "mail"
        label = _("Email address")

    def form_field(self, value):
        invalid = _("Enter an email address in the correct format, like name@example.com")
        return LowerDomainEmailField(
            max_length=EMAIL_MAX_LENGTH,
            widget=_text_input(input_type="email", autocomplete="email", spellcheck="false"),
            **self.field_kwargs(
                value,
                invalid=invalid,
                max_length=_("Email address must be 320 characters or less"),
            ),
        )


@registry.register
class PhoneQuestionBlock(BaseQuestionBlock):
    question_type = "phone"
    role = AnswerRole.PHONE
    required_message = _("Enter a phone number")

    class Meta:
        icon = "mobile-alt"
        label = _("UK phone number")

    def form_field(self, value):
        return UKPhoneField(
            invalid_message=_("Enter a UK phone number, like 01632 960 001 or 07700 900 982"),
            widget=_text_input(width=20, input_type="tel", autocomplete="tel"),
            **self.field_kwargs(value),
        )

    def form_initial(self, value, stored):
        return format_uk_phone(stored)

    def display(self, value, stored):
        return format_uk_phone(stored)


@registry.register
class PostcodeQuestionBlock(BaseQuestionBlock):
    question_type = "postcode"
    role = AnswerRole.POSTCODE
    required_message = _("Enter a postcode")

    class Meta:
        icon = "site"
        label = _("UK postcode")

    def form_field(self, value):
        return UKPostcodeField(
            invalid_message=_("Enter a real UK postcode, like SW1A 1AA"),
            widget=_text_input(width=10, autocomplete="postal-code", spellcheck="false"),
            **self.field_kwargs(value),
        )


@registry.register
class AddressQuestionBlock(_FieldsetMixin, BaseQuestionBlock):
    question_type = "address"
    role = AnswerRole.ADDRESS
    required_message = _("Enter an address")

    class Meta:
        icon = "home"
        label = _("UK address")

    def form_field(self, value):
        kwargs = self.field_kwargs(
            value,
            line_1=_("Enter address line 1, typically the building and street"),
            line_1_length=_("Address line 1 must be 100 characters or less"),
            line_2_length=_("Address line 2 must be 100 characters or less"),
            town=_("Enter town or city"),
            town_length=_("Town or city must be 100 characters or less"),
            postcode=_("Enter postcode"),
            postcode_invalid=_("Enter a real UK postcode, like SW1A 1AA"),
        )
        # With nothing entered, each missing line says what it needs, unless the editor wrote
        # one message for the whole question.
        kwargs["error_messages"]["custom_required"] = value.get("error_message") or ""
        return AddressAnswerField(**kwargs)

    def display(self, value, stored):
        if not isinstance(stored, Mapping):
            return str(stored)
        lines = [stored.get(part) for part in AddressWidget.PARTS]
        return "\n".join(line for line in lines if line)
