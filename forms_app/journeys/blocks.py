"""The pages editors arrange into a journey: question pages, content pages and exit pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .questions import QuestionsBlock
from .rules import answer_choices, rule_problems, target_choices
from .translatable import TranslatedWordsMixin

SLUG_HELP = _(
    "A short name for this page, used in its web address and by rules that send residents "
    "here, e.g. 'bin-type'. Lower case letters, numbers and hyphens."
)


class BranchRuleBlock(TranslatedWordsMixin, blocks.StructBlock):
    # A rule is an option value and a page name: nothing in it is translated, so it works the
    # same in every language's version of the form.
    translated_words = ()

    answer = blocks.CharBlock(
        label=_("If the answer is"),
        help_text=_(
            "One of the options of the radios or yes/no question on this page, e.g. 'Yes'."
        ),
    )
    go_to = blocks.CharBlock(
        label=_("go to the page called"),
        help_text=_("The short name of another page in this form, e.g. 'too-early'."),
    )

    class Meta:
        icon = "redirect"
        label = _("Rule")


RULES_HELP = _(
    "Optional. Send residents to a different page depending on their answer to the "
    "radios or yes/no question on this page. Without a rule they go to the next page."
)
PICK_HELP = _(
    "The lists show the form as last saved: after adding a question, an option or a page, "
    "save a draft and it appears here."
)


class _AnyChoiceField(forms.ChoiceField):
    """A select whose answer is checked by the form's rules (rules.py), against the form as the
    editor sent it, rather than against the list drawn from the form as last saved."""

    def valid_value(self, value):
        return True


class PickBlock(blocks.ChoiceBlock):
    """A rule's answer or page, picked from a list made from this form (see JourneyPageForm)."""

    def get_field(self, **kwargs):
        return _AnyChoiceField(**kwargs)

    def value_for_form(self, value):
        # Rules match whatever the case; show a rule typed as "Yes" against the option "yes".
        for choice, _label in self.field.choices:
            if value and str(choice).lower() == str(value).strip().lower():
                return choice
        return value


def _with_unlisted(choices, saved):
    """The list, plus any value a saved rule holds that is not in it (so it is shown, not lost,
    and the check on saving says what is wrong with it)."""
    listed = {str(value).lower() for value, _label in choices}
    extra = []
    for value in saved:
        if value and value.strip().lower() not in listed:
            listed.add(value.strip().lower())
            extra.append((value, _("%(value)s (not in this form)") % {"value": value}))
    return [*choices, *extra]


def rules_block(steps=()):
    """The rules of a question page, their answers and pages picked from the form's ``steps``."""
    saved = [
        rule
        for child in steps
        if child.block_type == "question_page"
        for rule in child.value["rules"]
    ]
    rule = BranchRuleBlock(
        [
            (
                "answer",
                PickBlock(
                    choices=_with_unlisted(
                        answer_choices(steps), [r["answer"] or "" for r in saved]
                    ),
                    label=_("If the answer is"),
                    help_text=_(
                        "An option of the radios or yes/no question on this page. %(lists)s"
                    )
                    % {"lists": PICK_HELP},
                ),
            ),
            (
                "go_to",
                PickBlock(
                    choices=_with_unlisted(
                        target_choices(steps), [r["go_to"] or "" for r in saved]
                    ),
                    label=_("go to the page"),
                    help_text=_("A later page of this form."),
                ),
            ),
        ]
    )
    return blocks.ListBlock(rule, default=[], label=_("Rules"), help_text=RULES_HELP)


class QuestionPageBlock(blocks.StructBlock):
    slug = blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        label=_("Page name"),
        help_text=SLUG_HELP,
        error_messages={"invalid": _("Use lower case letters, numbers and hyphens only.")},
    )
    heading = blocks.CharBlock(
        required=False,
        default="",
        label=_("Page heading"),
        help_text=_(
            "Needed only when the page asks more than one question. With one question, the "
            "question is the heading."
        ),
    )
    questions = QuestionsBlock(label=_("Questions"))
    rules = blocks.ListBlock(
        BranchRuleBlock(),
        default=[],
        label=_("Rules"),
        help_text=RULES_HELP,
    )

    class Meta:
        icon = "form"
        label = _("Question page")


class ContentPageBlock(blocks.StructBlock):
    slug = blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", label=_("Page name"), help_text=SLUG_HELP
    )
    heading = blocks.CharBlock(label=_("Heading"))
    body = blocks.RichTextBlock(features=["bold", "link", "ol", "ul"], label=_("Text"))

    class Meta:
        icon = "doc-full"
        label = _("Information page")


class ExitPageBlock(blocks.StructBlock):
    slug = blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", label=_("Page name"), help_text=SLUG_HELP
    )
    heading = blocks.CharBlock(
        label=_("Heading"),
        default=_("You cannot use this service"),
    )
    body = blocks.RichTextBlock(
        features=["bold", "link", "ol", "ul"],
        label=_("Advice"),
        help_text=_("Why they cannot continue, and what they can do instead."),
    )

    class Meta:
        icon = "cross"
        label = _("Exit page")


class JourneyStepsBlock(blocks.StreamBlock):
    question_page = QuestionPageBlock()
    content_page = ContentPageBlock()
    exit_page = ExitPageBlock()

    def clean(self, value):
        value = super().clean(value)
        problems = rule_problems(value)
        if problems:
            raise blocks.StreamBlockValidationError(
                block_errors={index: _page_errors(found) for index, found in problems.items()}
            )
        return value

    @classmethod
    def for_form(cls, steps):
        """The block for the page editor: each rule's answer and page are picked from lists
        made from ``steps``, the form as last saved (the stored rules are the same text)."""
        page_block = QuestionPageBlock([("rules", rules_block(steps))])
        return cls([("question_page", page_block)])


def _page_errors(found):
    rules = blocks.ListBlockValidationError(
        block_errors={
            index: blocks.StructBlockValidationError(
                block_errors={part: ValidationError(messages) for part, messages in parts.items()}
            )
            for index, parts in found.rules.items()
        },
        non_block_errors=[ValidationError(message) for message in found.page],
    )
    return blocks.StructBlockValidationError(block_errors={"rules": rules})
