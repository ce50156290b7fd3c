"""Services: the information pages residents read to find out how to do something: service
categories, services, news and council locations. The page tree is home > category > service."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock

SUMMARY_HELP = _(
    "One or two sentences saying what this page helps people do. Shown in lists and search results."
)


class ServiceIndexPage(Page):
    """A category of services, such as 'Bins and recycling', listing its services."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage", "services.LocationPage"]

    class Meta:
        verbose_name = _("service category")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class ServicePage(Page):
    """One thing a resident needs to do or know, such as 'Report a missed bin collection'."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service page")


class NewsIndexPage(Page):
    """The council's news: lists news items newest first."""

    summary = models.CharField(_("summary"), max_length=255, blank=True, help_text=SUMMARY_HELP)

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_items"] = (
            NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        )
        return context


class NewsPage(Page):
    """A news item from the council."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["services.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")


class LocationPage(Page):
    """A place residents can visit, such as a reception point or a library."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    address = models.TextField(_("address"), help_text=_("One line of the address per line."))
    postcode = models.CharField(_("postcode"), max_length=10)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more information"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldPanel("phone"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("address"),
        index.SearchField("postcode"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("location page")

    @property
    def map_url(self):
        """A plain link to a map of the postcode: works without JavaScript or an embedded map."""
        return f"https://www.openstreetmap.org/search?query={self.postcode.replace(' ', '+')}"
