"""Home: the home page and the site chrome every page shares (council details, footer, phase).

What differs by language (the council's name, opening hours, address, footer links) is a
translatable snippet, CouncilDetails; the rest is a site setting, CouncilSettings, which points
at it.
"""

import string

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin

from .blocks import LinkBlock, SocialLinkBlock
from .locales import active_locale_id
from .queries import public
from .routing import PathRoutingMixin, RoutedPageMixin

LATEST_NEWS = 3


class HomePage(RoutedPageMixin, PathRoutingMixin, RoutablePageMixin, Page):
    """The front page of the council's website, one per language, and the A to Z of services."""

    intro = models.CharField(
        _("introduction"),
        max_length=255,
        blank=True,
        help_text=_(
            "One sentence under the council's name, e.g. 'Find out about council services'."
        ),
    )

    top_tasks = StreamField(
        [("task", LinkBlock())],
        blank=True,
        max_num=8,
        verbose_name=_("top tasks"),
        help_text=_(
            "The few things most residents come to do, e.g. 'Pay your Council Tax'. Up to 8."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("top_tasks")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["services.ServiceIndexPage", "services.NewsIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from services.models import NewsPage, ServiceIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = public(ServiceIndexPage.objects.child_of(self).live())
        context["latest_news"] = (
            public(NewsPage.objects.descendant_of(self).live()).order_by("-date", "-pk")
        )[:LATEST_NEWS]
        return context

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return urls + [{**url, "location": f"{url['location']}a-to-z/"} for url in urls[:1]]

    @path("a-to-z/", name="a_to_z")
    def a_to_z(self, request):
        """Every service, guide and step by step in this language, by first letter."""
        from services.models import GuidePage, ServicePage, StepByStepPage

        pages = (
            public(Page.objects.descendant_of(self).live())
            .type(ServicePage, GuidePage, StepByStepPage)
            .filter(locale_id=active_locale_id())
        )
        pages = sorted(pages, key=lambda page: page.title.lower())
        letters = {letter: [] for letter in string.ascii_uppercase}
        for page in pages:
            first = page.title[:1].upper()
            letters.setdefault(first if first in letters else "#", []).append(page)
        return TemplateResponse(
            request,
            "home/a_to_z.html",
            {"page": self, "letters": letters, "self": self},
        )


class Phase(models.TextChoices):
    LIVE = "live", _("Live (no banner)")
    ALPHA = "alpha", _("Alpha")
    BETA = "beta", _("Beta")


FALLBACK_COUNCIL_NAME = "Townhall"  # until an editor chooses the council details (a new site)


class CouncilDetails(TranslatableMixin, models.Model):
    """The council's details that are worded differently in each language.

    One per site, chosen in the council settings; each language has its own translation (made with
    the "Translate" action), and pages in that language show it.
    """

    council_name = models.CharField(
        _("council name"),
        max_length=120,
        help_text=_(
            "The council's full name in this language. Shown in the header of every page, in page "
            "titles, and in the emails and text messages residents get."
        ),
    )
    contact_hours = models.CharField(
        _("phone lines open"),
        max_length=200,
        blank=True,
        help_text=_("For example 'Monday to Friday, 9am to 5pm'."),
    )
    contact_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Put each line of the address on a new line. Shown at the foot of every page."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Links at the foot of every page, such as accessibility and privacy."),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("council details")
        verbose_name_plural = _("council details")

    def __str__(self):
        return self.council_name


def _content_languages():
    """The active language and the default one, as content locale codes (no query)."""
    languages = []
    for language in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            code = get_supported_content_language_variant(language)
        except LookupError:
            continue
        if code not in languages:
            languages.append(code)
    return languages


@register_setting(icon="home")
class CouncilSettings(BaseSiteSetting):
    """What every page shows about the council that is the same in every language: its logo, phase,
    phone number, email and social media, and which council details (name, opening hours, address,
    footer links: translated) go with them."""

    details = models.ForeignKey(
        CouncilDetails,
        verbose_name=_("council details shown in the header and footer"),
        null=True,
        blank=True,
        # Deleting the details every page shows would leave the site without the council's name.
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The council's name, phone opening hours, postal address and footer links. Pages in "
            "Welsh show the Welsh translation of what you choose here. To change the wording or "
            "translate it, go to Settings, then Council details."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown beside the council name. Keep it under 40 pixels high."),
    )
    phase = models.CharField(
        _("phase"),
        max_length=10,
        choices=Phase.choices,
        default=Phase.BETA,
        help_text=_("Alpha or beta shows a banner telling residents the site is new."),
    )
    feedback_url = models.URLField(
        _("feedback address"),
        blank=True,
        help_text=_("Where the phase banner's 'give your feedback' link goes."),
    )
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    social_links = StreamField(
        [("social", SocialLinkBlock())],
        blank=True,
        verbose_name=_("social media links"),
    )

    panels = [
        MultiFieldPanel([FieldPanel("details"), FieldPanel("logo")], heading=_("The council")),
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("feedback_url")], heading=_("Phase")),
        MultiFieldPanel(
            [FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Contact details"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("council settings")

    def localized_details(self):
        """The council details in the active language, else in the default language (one query),
        else the ones chosen, whatever their language; None until an editor chooses them."""
        if self.details_id is None:
            return None
        languages = _content_languages()
        translations = CouncilDetails.objects.filter(
            translation_key__in=CouncilDetails.objects.filter(pk=self.details_id).values(
                "translation_key"
            ),
            locale__language_code__in=languages,
        ).select_related("locale")
        by_language = {details.locale.language_code: details for details in translations}
        for language in languages:
            if language in by_language:
                return by_language[language]
        return self.details
