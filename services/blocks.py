"""StreamField blocks for information pages: small, reusable, each rendered with a GOV.UK component.

Atoms (heading, text) build molecules (inset, warning, details, contact, button) that build the page
body. Templates live in templates/components/.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from home.blocks import LinkBlock

PARAGRAPH_FEATURES = ["bold", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/heading.html"
        help_text = _("A section heading. Keep it short and in plain words.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "components/paragraph.html"


class InsetTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=["bold", "link"], **kwargs)

    class Meta:
        icon = "openquote"
        label = _("Inset text")
        template = "components/inset_text.html"
        help_text = _(
            "Sets a short piece of text apart, like a quote or an example. Use sparingly."
        )


class WarningTextBlock(blocks.CharBlock):
    class Meta:
        icon = "warning"
        label = _("Warning")
        template = "components/warning_text.html"
        help_text = _(
            "Something residents must know to avoid a penalty or danger, e.g. "
            "'You can be fined up to £1,000 if you do not register.'"
        )


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(
        label=_("Link text"),
        help_text=_("What the hidden text is about, e.g. 'Help with your account number'."),
    )
    content = ParagraphBlock(label=_("Hidden text"))

    class Meta:
        icon = "arrow-down"
        label = _("Details (expandable)")
        template = "components/details.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/table.html"


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("What to do"))
    content = ParagraphBlock(required=False, label=_("More detail"))


class StepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(StepBlock(), min_num=2, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "components/steps.html"
        help_text = _("Use when residents must do things in order.")


class ContactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Team name"), help_text=_("e.g. 'Waste services'"))
    phone = blocks.CharBlock(required=False, label=_("Phone"))
    email = blocks.EmailBlock(required=False, label=_("Email"))
    address = blocks.TextBlock(required=False, label=_("Address"))
    hours = blocks.CharBlock(
        required=False,
        label=_("Opening times"),
        help_text=_("e.g. 'Monday to Friday, 9am to 5pm'"),
    )

    class Meta:
        icon = "mail"
        label = _("Contact details")
        template = "components/contact.html"


class ButtonBlock(LinkBlock):
    class Meta:
        icon = "link-external"
        label = _("Button")
        template = "components/button.html"
        help_text = _("A green button for the one main thing to do on the page.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    table = TableBlock()
    steps = StepsBlock()
    contact = ContactBlock()
    button = ButtonBlock()


class GuidePartBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Part title"))
    body = BodyBlock(label=_("Part content"))

    class Meta:
        icon = "doc-full"
        label = _("Guide part")


class StepByStepStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step title"), help_text=_("e.g. 'Check if you can apply'"))
    logic = blocks.ChoiceBlock(
        choices=[("", _("Numbered step")), ("and", _("'and' step")), ("or", _("'or' step"))],
        required=False,
        label=_("Numbering"),
        help_text=_("'and' or 'or' steps share the number of the step before them."),
    )
    description = ParagraphBlock(required=False, label=_("Description"))
    tasks = blocks.ListBlock(LinkBlock(), label=_("Tasks"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step")
