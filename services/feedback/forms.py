import re

from django import forms
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1200
REMOVED = "[removed]"

EMAIL_PATTERN = re.compile(r"[\w.+'-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# A run of digits with the separators people type in phone numbers: "07700 900123",
# "+44 (0)1632 960 001", "01632-960-001". Dates ("12/03/2026") and short references are left alone.
PHONE_CANDIDATE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
PHONE_MIN_DIGITS, PHONE_MAX_DIGITS = 9, 15


def remove_personal_details(text):
    """Replace anything that looks like an email address or phone number with "[removed]".

    Residents are asked not to type personal details, but some will; what we never store we never
    have to protect, so this errs on the side of removing too much.
    """
    text = EMAIL_PATTERN.sub(REMOVED, text)

    def replace_phone(match):
        digits = sum(character.isdigit() for character in match.group())
        return REMOVED if PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS else match.group()

    return PHONE_CANDIDATE.sub(replace_phone, text)


class AnswerForm(forms.Form):
    useful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Select yes if this page is useful"),
            "invalid_choice": _("Select yes if this page is useful"),
        },
    )


class CommentField(forms.CharField):
    def to_python(self, value):
        # Browsers send a new line as two characters; count it as one, as the character count does.
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class ProblemForm(forms.Form):
    comment = CommentField(
        label=_("What went wrong?"),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": _("Enter what went wrong"),
            "max_length": _("What went wrong must be %(limit_value)s characters or less"),
        },
    )

    def clean_comment(self):
        return remove_personal_details(self.cleaned_data["comment"].strip())
