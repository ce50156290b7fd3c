"""Home: the home page and the site chrome every page shares (council details, footer, phase)."""

import string

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

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


@register_setting(icon="home")
class CouncilSettings(BaseSiteSetting):
    """What every page shows about the council: its name, logo, contact details and footer."""

    council_name = models.CharField(
        _("council name"),
        max_length=120,
        default="Townhall Council",
        help_text=_("Shown in the header of every page and in page titles."),
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
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_hours = models.CharField(
        _("phone lines open"),
        max_length=200,
        blank=True,
        help_text=_("For example 'Monday to Friday, 9am to 5pm'."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Links at the foot of every page, such as accessibility and privacy."),
    )
    social_links = StreamField(
        [("social", SocialLinkBlock())],
        blank=True,
        verbose_name=_("social media links"),
    )

    panels = [
        MultiFieldPanel([FieldPanel("council_name"), FieldPanel("logo")], heading=_("The council")),
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("feedback_url")], heading=_("Phase")),
        MultiFieldPanel(
            [
                FieldPanel("contact_phone"),
                FieldPanel("contact_hours"),
                FieldPanel("contact_email"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("council settings")
