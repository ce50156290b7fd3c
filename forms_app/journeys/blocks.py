"""The pages editors arrange into a journey: question pages, content pages and exit pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .questions import QuestionsBlock
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
        help_text=_(
            "Optional. Send residents to a different page depending on their answer to the "
            "radios or yes/no question on this page. Without a rule they go to the next page."
        ),
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
