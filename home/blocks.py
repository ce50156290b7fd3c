"""Small blocks for the site chrome: links editors can point at a page or an outside address."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .locales import localized


class LinkStructValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return localized(page).url
        return self.get("url")

    def link_text(self):
        if self.get("title"):
            return self.get("title")
        page = self.get("page")
        return localized(page).title if page else self.get("url")


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        required=False,
        label=_("Link text"),
        help_text=_("Leave blank to use the title of the page you choose."),
    )
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    url = blocks.URLBlock(
        required=False,
        label=_("Or an address on another site"),
        help_text=_("Only if the link goes to another website, starting with https://"),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or enter an address, not both.")
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        if value.get("url") and not value.get("title"):
            raise StructBlockValidationError(
                block_errors={"title": ValidationError(_("Enter the link text for the address."))}
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        label = _("Link")


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("x", "X (Twitter)"),
    ("youtube", "YouTube"),
    ("bluesky", "Bluesky"),
    ("nextdoor", "Nextdoor"),
]


class SocialLinkValue(blocks.StructValue):
    def network_name(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Network"))
    url = blocks.URLBlock(label=_("Address of the council's page"))

    class Meta:
        icon = "site"
        value_class = SocialLinkValue
        label = _("Social media link")
