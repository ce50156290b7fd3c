"""StreamField blocks for information pages: small, reusable, rendered with GOV.UK components."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

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


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
