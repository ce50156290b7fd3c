"""What every question block has, and the block for words between questions.

A question block is a StructBlock whose children are what editors set (the question, a hint,
whether it must be answered...) and whose methods say how the answer is asked, checked, stored
and shown. The built-in answer types subclass ``BaseQuestionBlock``, and so does a sub-app's:
see ``registry`` for how one is added.
"""

from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from crispy_forms_gds.layout import Field, Size

from ..translatable import TranslatedWordsMixin
from . import registry
from .api import NAME_MAX_LENGTH, question_name

_NAME_PATTERN = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


class BaseQuestionBlock(TranslatedWordsMixin, blocks.StructBlock):
    """What every question has. Subclasses say how their answer is asked, checked and shown."""

    question_type = ""
    is_question = True
    # What the answer says about the resident (casework files it under their name, email...):
    # an AnswerRole, or "" for none. See answer_role().
    role = ""
    # A sensitive answer (bank details) is kept only masked: see answers.py.
    sensitive = False
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
        label = escape(value["label"])
        if not value.get("required"):
            # GOV.UK marks the questions people may skip, not the ones they must answer.
            label = format_html("{} {}", label, _("(optional)"))
        return {
            "label": label,
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

    def stored_in(self, value, other, stored):
        """`stored`, an answer to this question, as the same question in another language
        (`other`, the translation's value) would store it. Most answers are the same in every
        language; a type that stores the words residents chose says otherwise."""
        return stored

    def branch_values(self, value):
        return []

    def answer_role(self, value):
        return self.role

    def masked_display(self, value, stored):
        """What staff, exports and webhooks see of a sensitive answer: a type that holds one says
        how much can show (bank details: the last two digits)."""
        return str(_("Hidden for security"))


class _FieldsetMixin:
    """Questions asked with several inputs sit in a fieldset whose legend is the question."""

    def layout_field(self, name, field, *, heading):
        size = Size.LARGE if heading else Size.MEDIUM
        context = {"legend_size": Size.for_legend(size)}
        if heading:
            context["legend_tag"] = "h1"
        return Field(name, context=context)


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
