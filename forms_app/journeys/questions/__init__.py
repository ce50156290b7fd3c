"""The answer types editors can put in an online form, and what each one knows about its answers.

This module is the contract between editors' StreamField content and the journey engine:

- ``QuestionsBlock``: the StreamBlock of answer types editors add to a question page.
- ``build_form()``: a Django form for some of those questions, with GOV.UK error messages and a
  crispy-forms-gds layout (no <form> tag: the engine wraps it, with its CSRF token).
- ``answer_for_storage()``, ``form_initial()``, ``display_answer()``: an answer's journey from
  ``cleaned_data`` to JSON in the session or a submission, back into the form after "Change",
  and onto the "Check your answers" page and the staff case view.
- ``branch_values()``: what a branching rule on a radios or yes/no question may match.

Stored values are plain JSON: strings, numbers, lists and dicts, with None for "not answered".
Phone numbers are stored in E.164 ("+441632960001") because it is unambiguous and what SMS
providers take; they are shown to people in the national format ("01632 960 001").
"""

import re
import zipfile
from collections.abc import Mapping
from contextlib import nullcontext
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import PureWindowsPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxLengthValidator
from django.template.defaultfilters import linebreaksbr
from django.utils import dateformat, timezone, translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from crispy_forms.layout import LayoutObject
from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from crispy_forms_gds.widgets import DateInputWidget

from ..translatable import TranslatedWordsMixin
from ..uploads import detect_type
from . import registry

__all__ = [
    "BRANCHING_TYPES",
    "QUESTION_TYPES",
    "QuestionForm",
    "QuestionsBlock",
    "answer_for_storage",
    "branch_values",
    "build_form",
    "display_answer",
    "form_initial",
    "format_uk_phone",
    "is_file_question",
    "is_question",
    "normalise_uk_phone",
    "normalise_uk_postcode",
    "question_name",
    "question_type",
    "question_types_that_branch",
]

QUESTION_TYPES = (
    "text",
    "long_text",
    "number",
    "email",
    "phone",
    "postcode",
    "address",
    "date",
    "radios",
    "checkboxes",
    "yes_no",
    "file_upload",
)
question_types_that_branch = frozenset({"radios", "yes_no"})
# The engine's name for the same set.
BRANCHING_TYPES = question_types_that_branch

NAME_MAX_LENGTH = 50
TEXT_MAX_LENGTH = 500
LONG_TEXT_MAX_LENGTH = 5000
ADDRESS_LINE_MAX_LENGTH = 100
DEFAULT_MAX_FILE_MB = 10
MAX_FILE_MB = 25
# The "None of these" checkbox. Derived values are slugs, which never start with "_".
NONE_OF_THESE = "_none"

_NAME_PATTERN = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


# ---------------------------------------------------------------------------------------------
# UK postcodes and phone numbers
# ---------------------------------------------------------------------------------------------

_POSTCODE = re.compile(r"^(?:GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$")
# Residents copy numbers from letters and websites: "(01632) 960-001", "+44 (0)7700 900.982".
_PHONE_PUNCTUATION = re.compile(r"[\s\-().]")
_UK_NATIONAL_NUMBER = re.compile(r"^0[1-9]\d{8,9}$")


def normalise_uk_postcode(raw):
    """'sw1a1aa' as 'SW1A 1AA'; None when it cannot be a UK postcode."""
    compact = re.sub(r"[\s-]", "", str(raw or "")).upper()
    if not _POSTCODE.match(compact):
        return None
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_uk_phone(raw):
    """A UK number written any common way, in E.164 ('+441632960001'); None when it is not one."""
    compact = _PHONE_PUNCTUATION.sub("", str(raw or ""))
    for prefix in ("+44", "0044"):
        if compact.startswith(prefix):
            # "+44 (0)20 ..." keeps its trunk 0 once the brackets go.
            compact = "0" + compact[len(prefix) :].removeprefix("0")
            break
    if not _UK_NATIONAL_NUMBER.match(compact):
        return None
    return "+44" + compact[1:]


def format_uk_phone(number):
    """'+441632960001' as '01632 960 001', grouped the way the number is usually read out."""
    if not isinstance(number, str) or not number.startswith("+44"):
        return number
    national = "0" + number[3:]
    if len(national) == 11:
        if national.startswith("02"):
            groups = (3, 4, 4)
        elif national.startswith(("03", "08", "09")) or "1" in (national[2], national[3]):
            groups = (4, 3, 4)
        else:
            groups = (5, 3, 3)
    elif len(national) == 10:
        groups = (4, 3, 3) if national.startswith("08") else (5, 5)
    else:
        return national
    parts, start = [], 0
    for size in groups:
        parts.append(national[start : start + size])
        start += size
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# Form fields and widgets
# ---------------------------------------------------------------------------------------------


def _text_input(*, width=None, css_class=None, input_type=None, **attrs):
    """A TextInput: crispy-forms-gds styles only widgets of exactly this class, errors included,
    so other input types are set on the instance rather than by using EmailInput and friends."""
    classes = [f"govuk-input--width-{width}"] if width else []
    if css_class:
        classes.append(css_class)
    if classes:
        attrs["class"] = " ".join(classes)
    widget = forms.TextInput(attrs=attrs)
    if input_type:
        widget.input_type = input_type
    return widget


class Textarea(forms.Textarea):
    """A textarea with GOV.UK's textarea error style.

    crispy-forms-gds gives every erroring TextInput, Select and Textarea ``govuk-input--error``;
    the textarea's own style is ``govuk-textarea--error``. (The class keeps the name "Textarea":
    crispy-forms-gds picks ``govuk-textarea`` by the widget's class name.)"""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        classes = widget_attrs.get("class", "").split()
        if "govuk-input--error" in classes:
            classes = [c for c in classes if c != "govuk-input--error"] + ["govuk-textarea--error"]
            widget_attrs["class"] = " ".join(classes)
        return context


class _HighlightOnly:
    """Marks one input of a date or address as wrong without repeating the message.

    crispy-forms-gds reads each part's errors from ``widget.errors``: the parts that have any are
    outlined in red, and each message goes into the error summary once per part. GOV.UK asks for
    one message ("Date must include a day and month") with every part it names outlined, so the
    second part gets this: it counts as an error but lists no message.
    """

    def __init__(self, message):
        self.message = message

    def __len__(self):
        return 1

    def __iter__(self):
        return iter(())

    def __contains__(self, item):
        return item == self.message


def _mark_parts(fields, indexes, message):
    for position, index in enumerate(indexes):
        fields[index].widget.errors = [message] if position == 0 else _HighlightOnly(message)


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


class DateWidget(DateInputWidget):
    """The GOV.UK date input, numeric keypad on phones, and tolerant of an ISO string initial."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for widget in self.widgets:
            widget.attrs["inputmode"] = "numeric"

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return None, None, None
        return super().decompress(value)


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
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            self._fail([0, 1, 2], "invalid")
        if len(year) != 4:
            self._fail([2], "year")
        try:
            answer = date(int(year), int(month), int(day))
        except ValueError:
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


class AddressWidget(forms.MultiWidget):
    """The GOV.UK address pattern: each line its own labelled input, inside the question's
    fieldset. It renders itself, so the form needs no template of its own."""

    PARTS = ("line_1", "line_2", "town", "postcode")

    def __init__(self, attrs=None):
        self.labels = (
            _("Address line 1"),
            _("Address line 2 (optional)"),
            _("Town or city"),
            _("Postcode"),
        )
        widgets = (
            _text_input(autocomplete="address-line1"),
            _text_input(autocomplete="address-line2"),
            _text_input(autocomplete="address-level2", css_class="govuk-!-width-two-thirds"),
            _text_input(width=10, autocomplete="postal-code", spellcheck="false"),
        )
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, Mapping):
            return [value.get(part) or "" for part in self.PARTS]
        return [None] * len(self.PARTS)

    def render(self, name, value, attrs=None, renderer=None):
        renderer = renderer or forms.renderers.get_default_renderer()
        subwidgets = self.get_context(name, value, attrs)["widget"]["subwidgets"]
        for subwidget in subwidgets:
            part = subwidget["attrs"]
            # Django marks every line invalid when the address has an error; crispy-forms-gds
            # outlines only the lines that are wrong, and only those should be announced so.
            if "govuk-input--error" not in part.get("class", "").split():
                part.pop("aria-invalid", None)
            if not part.get("aria-describedby", "").strip():
                part.pop("aria-describedby", None)
        html = [
            format_html(
                '<div class="govuk-form-group"><label class="govuk-label" for="{}">{}</label>{}'
                "</div>",
                subwidget["attrs"]["id"],
                label,
                mark_safe(renderer.render(subwidget["template_name"], {"widget": subwidget})),  # noqa: S308
            )
            for subwidget, label in zip(subwidgets, self.labels, strict=True)
        ]
        return mark_safe("".join(html))  # noqa: S308 - each part was built by format_html


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


FILE_TYPES = {
    # extension: (what residents are told, the extensions their file picker should offer)
    "jpg": ("JPG", ".jpg,.jpeg"),
    "png": ("PNG", ".png"),
    "heic": ("HEIC", ".heic,.heif"),
    "pdf": ("PDF", ".pdf"),
    "docx": ("DOCX", ".docx"),
}
DEFAULT_FILE_TYPES = ["jpg", "png", "heic", "pdf", "docx"]
# Enough for every signature filetype knows.


def detect_file_type(uploaded):
    """The allow-list extension that the file's contents show, or None.

    The name and the browser's content type are chosen by whoever sends the file, so neither is
    looked at. A .docx is a zip holding word/document.xml; macros would make it a .docm.
    """
    _mime, extension = detect_type(uploaded)
    if extension in ("zip", "docx"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return None
        finally:
            uploaded.seek(0)
        if "word/document.xml" in names and "word/vbaProject.bin" not in names:
            return "docx"
        return None
    return extension if extension in FILE_TYPES else None


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
            if detect_file_type(value) not in self.allowed:
                raise ValidationError(self.error_messages["file_type"], code="file_type")
        return value


def _list_in_words(items):
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s or %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


# ---------------------------------------------------------------------------------------------
# Blocks: one per answer type
# ---------------------------------------------------------------------------------------------


class _StaticHTML(LayoutObject):
    """Editor content between questions, already rendered. crispy's own HTML object would run
    it through the template engine, where an editor's "{{" would be read as template code."""

    def __init__(self, html):
        self.html = html
        self.fields = []

    def render(self, form, context, template_pack=None, **kwargs):
        return self.html


class BaseQuestionBlock(TranslatedWordsMixin, blocks.StructBlock):
    """What every question has. Subclasses say how their answer is asked, checked and shown."""

    question_type = ""
    is_question = True
    # What translators are offered. The name, the settings and the option values are kept, so
    # answers to every language's version of a form mean the same to rules and casework.
    translated_words = ("label", "hint", "error_message")
    # The per-type message for an empty required answer, when the editor has not written one.
    required_message = _("Enter an answer")

    label = blocks.CharBlock(
        label=_("Question"),
        max_length=250,
        help_text=_(
            "Ask one thing, in the words residents use, for example ‘What is your postcode?’"
        ),
    )
    hint = blocks.TextBlock(
        required=False,
        default="",
        label=_("Hint"),
        help_text=_(
            "Optional. A short line under the question to help people answer, for example "
            "‘It is on your council tax bill’."
        ),
    )
    required = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("Answer required"),
        help_text=_(
            "Untick if people can skip this question. ‘Check your answers’ will say ‘Not provided’."
        ),
    )
    # Not among the translated words: answers to the English and Welsh versions of a form share
    # one name.
    name = blocks.RegexBlock(
        regex=_NAME_PATTERN,
        required=False,
        max_length=NAME_MAX_LENGTH,
        label=_("Name in exports"),
        help_text=_(
            "Optional. A short name for this answer in spreadsheets and rules, for example "
            "‘postcode’. Lower case letters, numbers and underscores. Left blank, it is made "
            "from the question, so set it before the form goes live if the wording may change "
            "or the form will be translated."
        ),
        error_messages={
            "invalid": _("Use lower case letters, numbers and single underscores only.")
        },
    )
    error_message = blocks.CharBlock(
        required=False,
        default="",
        max_length=200,
        label=_("Message if left empty"),
        help_text=_(
            "Optional. Say what to do, for example ‘Enter your full name’ or ‘Select the type "
            "of bin’. Left blank, a standard message is used."
        ),
    )

    class Meta:
        icon = "form"

    def keep_keys(self, value):
        # A name left blank is made from the question: the Welsh question would make another.
        if not (value.get("name") or "").strip():
            value["name"] = question_name(value)

    def get_form_layout(self):
        if self.meta.form_layout is not None:
            return super().get_form_layout()
        # The settings area keeps what most questions never need out of editors' way.
        rare = ("name", "error_message")
        names = list(self.child_blocks)
        return blocks.BlockGroup(
            [name for name in names if name not in rare],
            settings=[name for name in names if name in rare],
        )

    # How the question is asked.

    def form_field(self, value):
        raise NotImplementedError

    def field_kwargs(self, value, **messages):
        hint = value.get("hint") or ""
        return {
            "label": escape(value["label"]),
            "help_text": linebreaksbr(hint, autoescape=True) if hint else "",
            "required": bool(value.get("required")),
            "error_messages": {"required": self.empty_message(value), **messages},
        }

    def empty_message(self, value):
        return value.get("error_message") or self.required_message

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        return Field.text(name, label_size=size, label_tag="h1" if heading else None)

    # What happens to the answer.

    def answer_for_storage(self, value, cleaned):
        return None if cleaned in (None, "", [], {}) else cleaned

    def form_initial(self, value, stored):
        return stored

    def display(self, value, stored):
        return str(stored)

    def branch_values(self, value):
        return []


class _FieldsetMixin:
    """Questions asked with several inputs sit in a fieldset whose legend is the question."""

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        context = {"legend_size": Size.for_legend(size)}
        if heading:
            context["legend_tag"] = "h1"
        return Field(name, context=context)


@registry.register
class TextQuestionBlock(BaseQuestionBlock):
    question_type = "text"
    default_max_length = TEXT_MAX_LENGTH

    max_length = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=TEXT_MAX_LENGTH,
        label=_("Longest answer (characters)"),
        help_text=_("Optional. Left blank, answers can be up to 500 characters."),
    )

    class Meta:
        icon = "title"
        label = _("Short answer")

    def empty_message(self, value):
        if value.get("error_message"):
            return value["error_message"]
        return _("Enter an answer to ‘%(question)s’") % {"question": value["label"]}

    def max_length_of(self, value):
        return value.get("max_length") or self.default_max_length

    def form_field(self, value):
        limit = self.max_length_of(value)
        too_long = _("Answer must be %(max)s characters or less") % {"max": limit}
        # The limit goes in a validator, not max_length, which would add a maxlength attribute
        # and silently cut off what people type.
        return forms.CharField(
            widget=self.widget(),
            validators=[MaxLengthValidator(limit)],
            **self.field_kwargs(value, max_length=too_long),
        )

    def widget(self):
        return _text_input()


@registry.register
class LongTextQuestionBlock(TextQuestionBlock):
    question_type = "long_text"
    default_max_length = LONG_TEXT_MAX_LENGTH

    max_length = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=LONG_TEXT_MAX_LENGTH,
        label=_("Longest answer (characters)"),
        help_text=_(
            "Optional. Left blank, answers can be up to 5,000 characters. Residents see how "
            "many they have left as they type."
        ),
    )

    class Meta:
        icon = "pilcrow"
        label = _("Long answer")

    def widget(self):
        # crispy-forms-gds adds the character count's id to aria-describedby, and fails with a
        # KeyError if the question has no hint to have put something there first.
        return Textarea(attrs={"aria-describedby": ""})

    def form_field(self, value):
        field = super().form_field(value)
        field.max_characters = self.max_length_of(value)
        return field

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        return Field.textarea(
            name,
            label_size=size,
            label_tag="h1" if heading else None,
            rows=5,
            max_characters=field.max_characters,
        )


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


@registry.register
class EmailQuestionBlock(BaseQuestionBlock):
    question_type = "email"
    required_message = _("Enter an email address")

    class Meta:
        icon = "mail"
        label = _("Email address")

    def form_field(self, value):
        invalid = _("Enter an email address in the correct format, like name@example.com")
        return LowerDomainEmailField(
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


class AnswerOptionBlock(TranslatedWordsMixin, blocks.StructBlock):
    # The value is not among the translated words: a rule written for the English form keeps
    # matching the Welsh one.
    translated_words = ("label", "hint")

    label = blocks.CharBlock(label=_("Option"), max_length=250)
    value = blocks.RegexBlock(
        regex=r"^[^\r\n]{1,100}$",
        required=False,
        label=_("Value in exports and rules"),
        help_text=_("Optional. Left blank, the option's words are used."),
        error_messages={"invalid": _("Keep the value to one line of 100 characters or fewer.")},
    )
    hint = blocks.CharBlock(
        required=False,
        default="",
        label=_("Hint"),
        help_text=_("Optional. A short line under this option."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")

    def keep_keys(self, value):
        # A value left blank is the option's words: the Welsh words would make another.
        if not (value.get("value") or "").strip():
            value["value"] = _option_value(value)


def _option_value(option):
    return (option.get("value") or "").strip() or str(option["label"]).strip()


class _OptionsMixin:
    """Radios and checkboxes: editors list options; each has words and a value."""

    translated_words = (*BaseQuestionBlock.translated_words, "choices")

    def clean(self, value):
        value = super().clean(value)
        seen, repeated = set(), []
        for option in value["choices"]:
            key = _option_value(option).lower()
            if key == NONE_OF_THESE or key in seen:
                repeated.append(_option_value(option))
            seen.add(key)
        if repeated:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": blocks.ListBlockValidationError(
                        non_block_errors=[
                            _("Each option needs different words or a different value: %(options)s")
                            % {"options": ", ".join(f"‘{option}’" for option in repeated)}
                        ]
                    )
                }
            )
        return value

    def choices_for(self, value):
        choices = []
        for option in value["choices"]:
            extra = {"hint": option["hint"]} if option.get("hint") else {}
            choices.append(Choice(_option_value(option), option["label"], **extra))
        return choices

    def label_for(self, value, stored):
        for option in value["choices"]:
            if stored in (_option_value(option), option["label"]):
                return str(option["label"])
        return str(stored)

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        layout = Field.checkboxes if isinstance(field, forms.MultipleChoiceField) else Field.radios
        return layout(name, legend_size=size, legend_tag="h1" if heading else None)


def _options_list(min_num):
    return blocks.ListBlock(
        AnswerOptionBlock(),
        min_num=min_num,
        label=_("Options"),
        help_text=_("In an order that helps people find theirs: often the most common first."),
    )


@registry.register
class RadiosQuestionBlock(_OptionsMixin, BaseQuestionBlock):
    question_type = "radios"
    required_message = _("Select an option")

    choices = _options_list(min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("One answer from a list (radios)")

    def form_field(self, value):
        return forms.ChoiceField(
            choices=self.choices_for(value),
            widget=forms.RadioSelect,
            **self.field_kwargs(value, invalid_choice=_("Select an option")),
        )

    def display(self, value, stored):
        return self.label_for(value, stored)

    def branch_values(self, value):
        return [_option_value(option) for option in value["choices"]]


@registry.register
class CheckboxesQuestionBlock(_OptionsMixin, BaseQuestionBlock):
    question_type = "checkboxes"
    required_message = _("Select at least one option")
    translated_words = (*_OptionsMixin.translated_words, "none_label")

    choices = _options_list(min_num=1)
    none_option = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Add a ‘None of these’ option"),
        help_text=_(
            "Shown last, after ‘or’. Residents who tick it cannot tick anything else, so "
            "‘nothing applies’ is a real answer rather than a skipped question."
        ),
    )
    none_label = blocks.CharBlock(
        required=False,
        default="",
        max_length=100,
        label=_("Words for the ‘None of these’ option"),
        help_text=_("Optional. Left blank, it says ‘None of these’."),
    )

    class Meta:
        icon = "tasks"
        label = _("Any answers from a list (checkboxes)")

    def none_label_for(self, value):
        return value.get("none_label") or _("None of these")

    def choices_for(self, value):
        choices = super().choices_for(value)
        if value.get("none_option") and choices:
            choices[-1].divider = _("or")
            choices.append(Choice(NONE_OF_THESE, self.none_label_for(value), exclusive=True))
        return choices

    def form_field(self, value):
        none_label = self.none_label_for(value)
        return CheckboxesAnswerField(
            choices=self.choices_for(value),
            exclusive_value=NONE_OF_THESE if value.get("none_option") else None,
            **self.field_kwargs(
                value,
                invalid_choice=_("Select at least one option"),
                exclusive=_("Select the options that apply, or select ‘%(none)s’")
                % {"none": none_label},
            ),
        )

    def answer_for_storage(self, value, cleaned):
        if not cleaned:
            return None
        labels = {_option_value(option): str(option["label"]) for option in value["choices"]}
        labels[NONE_OF_THESE] = str(self.none_label_for(value))
        return [labels.get(chosen, chosen) for chosen in cleaned]

    def form_initial(self, value, stored):
        if not stored:
            return []
        by_label = {str(option["label"]): _option_value(option) for option in value["choices"]}
        by_label[str(self.none_label_for(value))] = NONE_OF_THESE
        return [by_label.get(label, label) for label in stored]

    def display(self, value, stored):
        if isinstance(stored, str):
            return stored
        return "\n".join(str(label) for label in stored)


@registry.register
class YesNoQuestionBlock(BaseQuestionBlock):
    question_type = "yes_no"
    required_message = _("Select yes or no")

    class Meta:
        icon = "help"
        label = _("Yes or no")

    def form_field(self, value):
        return forms.ChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))],
            widget=forms.RadioSelect,
            **self.field_kwargs(value, invalid_choice=_("Select yes or no")),
        )

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        return Field.radios(name, legend_size=size, legend_tag="h1" if heading else None)

    def display(self, value, stored):
        return {"yes": str(_("Yes")), "no": str(_("No"))}.get(stored, str(stored))

    def branch_values(self, value):
        return ["yes", "no"]


@registry.register
class FileUploadQuestionBlock(BaseQuestionBlock):
    question_type = "file_upload"
    required_message = _("Select a file")

    allowed = blocks.MultipleChoiceBlock(
        choices=[(kind, label) for kind, (label, _accept) in FILE_TYPES.items()],
        default=DEFAULT_FILE_TYPES,
        widget=forms.CheckboxSelectMultiple,
        label=_("Types of file allowed"),
        help_text=_(
            "Files are checked by what is in them, not by their name. JPG, PNG and HEIC are "
            "photos (HEIC is what iPhones take); DOCX is a Word document."
        ),
    )
    max_size_mb = blocks.IntegerBlock(
        default=DEFAULT_MAX_FILE_MB,
        min_value=1,
        max_value=MAX_FILE_MB,
        label=_("Largest file (MB)"),
        help_text=_("10 MB is enough for a photo or a scanned letter."),
    )

    class Meta:
        icon = "upload"
        label = _("File upload")

    def form_field(self, value):
        allowed = [kind for kind in FILE_TYPES if kind in (value.get("allowed") or [])]
        allowed = allowed or DEFAULT_FILE_TYPES
        max_size_mb = value.get("max_size_mb") or DEFAULT_MAX_FILE_MB
        names = _list_in_words(FILE_TYPES[kind][0] for kind in allowed)
        return FileAnswerField(
            allowed=allowed,
            max_size_mb=max_size_mb,
            **self.field_kwargs(
                value,
                invalid=_("Select a file"),
                missing=_("Select a file"),
                empty=_("The selected file is empty"),
                contradiction=_("Select a file"),
                too_big=_("The selected file must be smaller than %(size)sMB")
                % {"size": max_size_mb},
                file_type=_("The selected file must be a %(types)s") % {"types": names},
            ),
        )

    def answer_for_storage(self, value, cleaned):
        # The engine stores the file and puts its own description here.
        return None

    def form_initial(self, value, stored):
        return None

    def display(self, value, stored):
        if isinstance(stored, Mapping):
            name = stored.get("original_name") or stored.get("name") or ""
        else:
            name = getattr(stored, "name", stored)
        # Browsers on Windows have been known to send the whole path.
        return PureWindowsPath(str(name)).name


@registry.register
class ContentBlock(blocks.StructBlock):
    """Words shown between questions. It asks nothing, so it has no name and no answer."""

    question_type = "content"
    is_question = False

    heading = blocks.CharBlock(
        required=False,
        default="",
        max_length=120,
        label=_("Heading"),
        help_text=_("Optional. A small heading above the text."),
    )
    body = blocks.RichTextBlock(features=["bold", "link", "ol", "ul"], label=_("Text"))
    inset = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Show as inset text"),
        help_text=_("Tick to set the text apart with a grey bar, for a reminder or an example."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Text between questions")

    def render_basic(self, value, context=None):
        heading = (
            format_html('<h2 class="govuk-heading-m">{}</h2>', value["heading"])
            if value.get("heading")
            else ""
        )
        css_class = "govuk-inset-text" if value.get("inset") else "govuk-body"
        return format_html('{}<div class="{}">{}</div>', heading, css_class, value["body"])


class QuestionsBlock(blocks.StreamBlock):
    """The questions on one page of a form, in the order residents see them."""

    text = TextQuestionBlock()
    long_text = LongTextQuestionBlock()
    number = NumberQuestionBlock()
    email = EmailQuestionBlock()
    phone = PhoneQuestionBlock()
    postcode = PostcodeQuestionBlock()
    address = AddressQuestionBlock()
    date = DateQuestionBlock()
    radios = RadiosQuestionBlock()
    checkboxes = CheckboxesQuestionBlock()
    yes_no = YesNoQuestionBlock()
    file_upload = FileUploadQuestionBlock()
    content = ContentBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        seen, errors = set(), {}
        for index, child in enumerate(value):
            if not is_question(child):
                continue
            name = question_name(child)
            if name in seen:
                errors[index] = blocks.StructBlockValidationError(
                    block_errors={
                        "name": ValidationError(
                            _(
                                "Another question on this page has the name ‘%(name)s’. Give "
                                "this one a different name in exports."
                            )
                            % {"name": name}
                        )
                    }
                )
            seen.add(name)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


# ---------------------------------------------------------------------------------------------
# The engine's API
# ---------------------------------------------------------------------------------------------


def _value(question):
    """The StructValue of a question given as a StructValue, a stream child (``.value``), or a
    raw ``{"type": ..., "value": {...}}`` dict such as a saved copy of the page's JSON."""
    if isinstance(question, blocks.StructValue):
        return question
    inner = getattr(question, "value", None)
    if isinstance(inner, blocks.StructValue):
        return inner
    if isinstance(question, Mapping) and "type" in question:
        # Through the register, so an answer type a sub-app registered is found as well.
        block = registry.get(question["type"])
        return block.to_python(question.get("value") or {})
    raise TypeError(f"Not a question block value: {question!r}")


def _block(question):
    return _value(question).block


def question_type(question):
    """'postcode', 'radios', ... or 'content' for text between questions."""
    return _block(question).question_type


def is_question(question):
    """False for content blocks, which ask nothing and have no answer."""
    return _block(question).is_question


def is_file_question(question):
    return question_type(question) == "file_upload"


def question_name(question):
    """The key of this question's answer: the editor's name, or one made from the question.

    A made name depends only on the wording, so it is stable until an editor rewords the
    question: 'What is your postcode?' is always 'what_is_your_postcode'.
    """
    value = _value(question)
    if not value.block.is_question:
        raise ValueError("Content blocks ask nothing, so they have no name.")
    explicit = (value.get("name") or "").strip()
    if explicit:
        return explicit
    made = slugify(str(value["label"])).replace("-", "_")[:NAME_MAX_LENGTH].strip("_")
    return made or "question"


def branch_values(question):
    """The answers a branching rule on this question may match: option values, or yes and no.
    Other types cannot branch and give an empty list."""
    value = _value(question)
    return list(value.block.branch_values(value)) if value.block.is_question else []


def answer_for_storage(question, cleaned_value):
    """The answer from ``cleaned_data``, as JSON. None means not answered (and, for a file, that
    the engine fills in its own description of the stored file)."""
    value = _value(question)
    if not value.block.is_question:
        return None
    return value.block.answer_for_storage(value, cleaned_value)


def form_initial(question, stored_value):
    """A stored answer as the form's initial value, for a resident coming back to change it."""
    value = _value(question)
    if stored_value is None or not value.block.is_question:
        return None
    return value.block.form_initial(value, stored_value)


def display_answer(question, stored_value, language=None):
    """The stored answer as text for people, lines separated by "\\n"; "Not provided" if none."""
    value = _value(question)
    with translation.override(language) if language else nullcontext():
        if stored_value in (None, "", [], {}):
            return str(_("Not provided"))
        return value.block.display(value, stored_value)


class QuestionForm(forms.Form):
    """One field per question, named by question_name(). ``questions`` maps those names to the
    question values; ``helper`` lays it out for ``{% crispy form %}`` without a <form> tag."""

    def __init__(self, questions, *, single_question_heading=None, **kwargs):
        super().__init__(**kwargs)
        values = [_value(question) for question in questions]
        asked = [value for value in values if value.block.is_question]
        heading = len(asked) == 1 and single_question_heading is not False
        self.questions = {}
        layout = []
        for value in values:
            block = value.block
            if not block.is_question:
                layout.append(_StaticHTML(block.render_basic(value)))
                continue
            name = question_name(value)
            if name in self.questions:
                raise ValueError(f"Two questions on one page are both named {name!r}.")
            self.questions[name] = value
            field = block.form_field(value)
            self.fields[name] = field
            layout.append(block.layout_field(name, field, heading=heading))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token
        self.helper.layout = Layout(*layout)


def build_form(questions, *, data=None, files=None, initial=None, single_question_heading=None):
    """A bound or unbound form for these questions (a StreamValue, stream children or values).

    With exactly one question its label or legend is the page's <h1>, as GOV.UK asks; pass
    ``single_question_heading=False`` when the page has a heading of its own. ``initial`` is
    keyed by question name and holds form values: see form_initial().
    """
    return QuestionForm(
        questions,
        data=data,
        files=files,
        initial=initial,
        single_question_heading=single_question_heading,
    )
