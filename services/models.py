"""Services: the information pages residents read to find out how to do something: service
categories, services, news and council locations. The page tree is home > category > service."""

import calendar
import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock

SUMMARY_HELP = _(
    "One or two sentences saying what this page helps people do. Shown in lists and search results."
)


class ReviewInterval(models.IntegerChoices):
    QUARTERLY = 3, _("Every 3 months")
    HALF_YEARLY = 6, _("Every 6 months")
    YEARLY = 12, _("Every year")
    TWO_YEARLY = 24, _("Every 2 years")


def add_months(day, months):
    """The same day `months` later, or that month's last day (31 Jan + 1 month = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ReviewMixin(models.Model):
    """Who keeps a page accurate and when it must next be checked."""

    content_owner = models.CharField(
        _("owner"),
        max_length=120,
        blank=True,
        help_text=_("The team or person who keeps this page accurate, e.g. 'Waste services team'."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The date someone last checked every fact on this page. Shown to residents."),
    )
    review_interval = models.PositiveSmallIntegerField(
        _("review every"),
        choices=ReviewInterval.choices,
        default=ReviewInterval.YEARLY,
    )
    # Kept in step with the two fields above on save, so reports can filter on it in the database.
    review_due = models.DateField(_("next review due"), null=True, blank=True, editable=False)

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("content_owner"),
                FieldPanel("last_reviewed"),
                FieldPanel("review_interval"),
            ],
            heading=_("Content review"),
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.review_due = (
            add_months(self.last_reviewed, self.review_interval) if self.last_reviewed else None
        )
        super().save(*args, **kwargs)


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


class ServicePage(ReviewMixin, Page):
    """One thing a resident needs to do or know, such as 'Report a missed bin collection'."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    settings_panels = [*Page.settings_panels, *ReviewMixin.review_panels]
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


class LocationPage(ReviewMixin, Page):
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
    settings_panels = [*Page.settings_panels, *ReviewMixin.review_panels]
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
