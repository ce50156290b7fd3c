"""The form fields that check residents' answers, each with GOV.UK's messages for what went wrong.

Every message a resident can see comes from the question block, through ``error_messages``;
these fields decide only which one applies.
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from .files import (
    DEFAULT_FILE_TYPES,
    DEFAULT_MAX_FILE_MB,
    FILE_TYPES,
    FileRefused,
    detect_file_type,
)
from .uk import normalise_uk_phone, normalise_uk_postcode
from .widgets import AddressWidget, DateWidget, _mark_parts

ADDRESS_LINE_MAX_LENGTH = 100


class _NormalisedField(forms.CharField):
    """Text a function tidies into one standard form, or rejects with the editor's message."""

    normalise = None

    def __init__(self, *, invalid_message, **kwargs):
        self.invalid_message = invalid_message
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return ""
        normalised = type(self).normalise(value)
        if normalised is None:
            raise ValidationError(self.invalid_message, code="invalid")
        return normalised


class UKPostcodeField(_NormalisedField):
    normalise = staticmethod(normalise_uk_postcode)


class UKPhoneField(_NormalisedField):
    normalise = staticmethod(normalise_uk_phone)


class LowerDomainEmailField(forms.EmailField):
    """An email address with its domain lower-cased; the part before the @ is left alone, since
    a mail server may treat its case as significant."""

    def clean(self, value):
        value = super().clean(value)
        if value:
            local, _at, domain = value.rpartition("@")
            value = f"{local}@{domain.lower()}"
        return value


_NUMBER = re.compile(r"^-?(?:\d{1,15}(?:\.\d{1,10})?|\.\d{1,10})$")


class NumberAnswerField(forms.Field):
    """A number typed as people write them: '1,000', '1 000' and '£1,000' are all 1000."""

    def __init__(self, *, whole_numbers=True, min_value=None, max_value=None, **kwargs):
        self.whole_numbers = whole_numbers
        self.min_value = min_value
        self.max_value = max_value
        super().__init__(**kwargs)

    def to_python(self, value):
        text = re.sub(r"[\s,£]", "", str(value if value is not None else ""))
        if not text:
            return None
        if not _NUMBER.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            number = Decimal(text)
        except InvalidOperation as error:  # pragma: no cover - the pattern admits only decimals
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
        if self.whole_numbers:
            if number != number.to_integral_value():
                raise ValidationError(self.error_messages["whole"], code="whole")
            return int(number)
        return number

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        low, high = self.min_value, self.max_value
        if (low is not None and value < low) or (high is not None and value > high):
            if low is not None and high is not None:
                message, code = self.error_messages["range"], "range"
            elif low is not None:
                message, code = self.error_messages["min_value"], "min_value"
            else:
                message, code = self.error_messages["max_value"], "max_value"
            raise ValidationError(message, code=code)


_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


class DateAnswerField(forms.MultiValueField):
    """Day, month and year in three inputs, with GOV.UK's messages for each way it goes wrong."""

    widget = DateWidget
    PARTS = ("day", "month", "year")

    def __init__(self, *, rule="", **kwargs):
        self.rule = rule or ""
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):  # pragma: no cover - clean() does the work
        return None

    def clean(self, value):
        for field in self.fields:
            field.widget.errors = []
        parts = [str(part).strip() if part is not None else "" for part in (value or [])]
        parts = (parts + ["", "", ""])[:3]
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        missing = [index for index, part in enumerate(parts) if not part]
        if missing:
            names = "_".join(self.PARTS[index] for index in missing)
            self._fail(missing, f"missing_{names}")
        day, month, year = parts
        month = str(_MONTH_NAMES.get(month.lower(), month))
        if not all(part.isascii() and part.isdigit() for part in (day, month, year)):
            self._fail([0, 1, 2], "invalid")
        if len(year) != 4:
            self._fail([2], "year")
        try:
            answer = date(int(year), int(month), int(day))
        except (ValueError, OverflowError):  # "31 2", or a day of twenty digits
            self._fail([0, 1, 2], "invalid")
        self._check_rule(answer)
        return answer

    def _fail(self, parts, key):
        message = self.error_messages[key]
        _mark_parts(self.fields, parts, message)
        raise ValidationError(message, code=key)

    def _check_rule(self, answer):
        today = timezone.localdate()
        broken = {
            "past": answer >= today,
            "past_or_today": answer > today,
            "future": answer <= today,
            "future_or_today": answer < today,
        }.get(self.rule, False)
        if broken:
            self._fail([0, 1, 2], self.rule)


class AddressAnswerField(forms.MultiValueField):
    """A UK address as a dict: line_1, line_2 (may be empty), town and postcode."""

    widget = AddressWidget

    def __init__(self, **kwargs):
        fields = tuple(forms.CharField() for _part in AddressWidget.PARTS)
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):  # pragma: no cover - clean() does the work
        return None

    def clean(self, value):
        for field in self.fields:
            field.widget.errors = []
        try:
            return self._clean_address(value)
        finally:
            # What the address widget shows above each line.
            self.widget.part_errors = [field.widget.errors for field in self.fields]

    def _clean_address(self, value):
        parts = [" ".join(str(part or "").split()) for part in (value or [])]
        line_1, line_2, town, postcode = (parts + ["", "", "", ""])[:4]
        if not any((line_1, line_2, town, postcode)):
            if not self.required:
                return None
            if self.error_messages.get("custom_required"):
                message = self.error_messages["custom_required"]
                _mark_parts(self.fields, [0, 2, 3], message)
                raise ValidationError(message, code="required")
        errors = []

        def problem(index, key, code):
            message = self.error_messages[key]
            _mark_parts(self.fields, [index], message)
            errors.append(ValidationError(message, code=code))

        if not line_1:
            problem(0, "line_1", "required")
        elif len(line_1) > ADDRESS_LINE_MAX_LENGTH:
            problem(0, "line_1_length", "max_length")
        if len(line_2) > ADDRESS_LINE_MAX_LENGTH:
            problem(1, "line_2_length", "max_length")
        if not town:
            problem(2, "town", "required")
        elif len(town) > ADDRESS_LINE_MAX_LENGTH:
            problem(2, "town_length", "max_length")
        if not postcode:
            problem(3, "postcode", "required")
        else:
            postcode = normalise_uk_postcode(postcode)
            if postcode is None:
                problem(3, "postcode_invalid", "invalid")
        if errors:
            raise ValidationError(errors)
        return {"line_1": line_1, "line_2": line_2, "town": town, "postcode": postcode}


class CheckboxesAnswerField(forms.MultipleChoiceField):
    """Checkboxes, optionally with an exclusive "None of these" that cannot go with the rest."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, exclusive_value=None, **kwargs):
        self.exclusive_value = exclusive_value
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if self.exclusive_value and self.exclusive_value in value and len(value) > 1:
            raise ValidationError(self.error_messages["exclusive"], code="exclusive")


class FileAnswerField(forms.FileField):
    """An upload checked by size and by what its contents are. Nothing is stored here: the
    UploadedFile goes into cleaned_data for the engine to store."""

    widget = forms.ClearableFileInput

    def __init__(self, *, allowed=None, max_size_mb=DEFAULT_MAX_FILE_MB, **kwargs):
        self.allowed = [kind for kind in FILE_TYPES if kind in (allowed or DEFAULT_FILE_TYPES)]
        self.max_size_mb = max_size_mb
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(FILE_TYPES[kind][1] for kind in self.allowed)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            if value.size > self.max_size_mb * 1024 * 1024:
                raise ValidationError(self.error_messages["too_big"], code="too_big")
            try:
                kind = detect_file_type(value)
            except FileRefused as refused:
                message = self.error_messages[refused.code]
                raise ValidationError(message, code=refused.code) from None
            if kind not in self.allowed:
                raise ValidationError(self.error_messages["file_type"], code="file_type")
        return value
