"""The inputs residents answer in, styled the GOV.UK way by crispy-forms-gds.

crispy-forms-gds decides styles by a widget's class and reads a multi-part widget's errors from
each part's ``widget.errors``; the helpers here work with that rather than around it.
"""

from collections.abc import Mapping
from datetime import date

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from crispy_forms_gds.widgets import DateInputWidget


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


class AddressWidget(forms.MultiWidget):
    """The GOV.UK address pattern: each line its own labelled input, inside the question's
    fieldset. It renders itself, so the form needs no template of its own."""

    PARTS = ("line_1", "line_2", "town", "postcode")
    # Each line's error shows above it (templates/gds/layout/multifield.html lists none at the
    # top); the field sets `part_errors`, one list per line, when it checks the answer.
    shows_part_errors = True
    part_errors = ()

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
        part_errors = list(self.part_errors) + [()] * (len(subwidgets) - len(self.part_errors))
        html = []
        for subwidget, label, errors in zip(subwidgets, self.labels, part_errors, strict=True):
            part = subwidget["attrs"]
            error_id = f"{part['id']}-error"
            messages = list(errors)
            # Django marks every line invalid when the address has an error; only the lines that
            # are wrong are outlined, announced as invalid and described by their own message.
            part.pop("aria-describedby", None)
            if errors:
                part["aria-invalid"] = "true"
                if messages:
                    part["aria-describedby"] = error_id
            else:
                part.pop("aria-invalid", None)
                classes = part.get("class", "").split()
                part["class"] = " ".join(c for c in classes if c != "govuk-input--error")
            message = format_html_join(
                "",
                '<p id="{}" class="govuk-error-message"><span class="govuk-visually-hidden">{}'
                "</span> {}</p>",
                ((error_id, _("Error:"), text) for text in messages[:1]),
            )
            html.append(
                format_html(
                    '<div class="govuk-form-group{}"><label class="govuk-label" for="{}">{}</label>'
                    "{}{}</div>",
                    " govuk-form-group--error" if errors else "",
                    part["id"],
                    label,
                    message,
                    mark_safe(renderer.render(subwidget["template_name"], {"widget": subwidget})),  # noqa: S308
                )
            )
        return mark_safe("".join(html))  # noqa: S308 - each part was built by format_html
