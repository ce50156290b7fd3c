"""Services: the information pages residents read to find out how to do something, and where.

The tree is home > category (ServiceIndexPage) > service, guide, step-by-step or location; news sits
under its own index. Review fields on service, guide and location pages keep hundreds of pages true.
"""

import calendar
import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index

from home.blocks import LinkBlock
from home.locales import localized
from home.queries import public
from home.routing import RoutedPageMixin
from townhall.frontcache import expires_within

from . import opening_hours
from .blocks import BodyBlock, GuidePartBlock, StepByStepStepBlock
from .enums import ReviewInterval, ServiceStatus, Weekday

SUMMARY_HELP = _(
    "One or two sentences saying what this page helps people do. Shown in lists and search results."
)
NEWS_PER_PAGE = 10


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


class StepByStepMembershipMixin:
    """Pages listed as a task in a step-by-step show 'Part of' navigation back to it."""

    def part_of_step_by_steps(self):
        referencing = ReferenceIndex.objects.filter(
            content_type=ContentType.objects.get_for_model(StepByStepPage),
            to_content_type=ContentType.objects.get_for_model(Page),
            to_object_id=str(self.pk),
        ).values(
            # The index keeps ids as text, for every kind of object; pages' ids are numbers.
            page_id=Cast("object_id", output_field=models.BigIntegerField())
        )
        return public(StepByStepPage.objects.live()).filter(pk__in=referencing)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["step_by_steps"] = self.part_of_step_by_steps()
        return context


class ServiceIndexPage(RoutedPageMixin, Page):
    """A category of services, such as 'Bins and recycling', listing its services."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    featured_tasks = StreamField(
        [("task", LinkBlock())],
        blank=True,
        max_num=5,
        verbose_name=_("featured tasks"),
        help_text=_("Up to 5 of the most used tasks in this category, shown above the list."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("featured_tasks")]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "services.ServicePage",
        "services.GuidePage",
        "services.StepByStepPage",
        "services.LocationPage",
    ]

    class Meta:
        verbose_name = _("service category")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.listing()
        return context

    def listing(self):
        """Title, summary, address and status of each live child, in one query for every type."""
        parts = []
        for model in (ServicePage, GuidePage, StepByStepPage, LocationPage):
            status = F("status") if model is ServicePage else Value(ServiceStatus.NORMAL)
            parts.append(
                public(model.objects.child_of(self).live())
                .annotate(service_status=status)
                .values("title", "slug", "summary", "service_status")
                .order_by()
            )
        rows = parts[0].union(*parts[1:], all=True).order_by("title")
        base = self.url or ""
        labels = dict(ServiceStatus.choices)
        return [
            {
                **row,
                "href": f"{base}{row['slug']}/",
                "status_label": labels[row["service_status"]],
                "is_disrupted": row["service_status"] != ServiceStatus.NORMAL,
            }
            for row in rows
        ]


class ServicePage(RoutedPageMixin, StepByStepMembershipMixin, ReviewMixin, Page):
    """One thing a resident needs to do or know, such as 'Report a missed bin collection'."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    status = models.CharField(
        _("service status"),
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.NORMAL,
        help_text=_("Disrupted or suspended shows a banner on this page and its category."),
    )
    status_message = models.CharField(
        _("status message"),
        max_length=255,
        blank=True,
        help_text=_(
            "What is affected and until when, e.g. 'Collections are a day late this week.'"
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    start_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("start page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The form or journey the 'Start now' button opens."),
    )
    start_url = models.URLField(
        _("or start address"),
        blank=True,
        help_text=_("Only if the service is on another website."),
    )
    start_label = models.CharField(
        _("button text"), max_length=40, blank=True, help_text=_("Leave blank for 'Start now'.")
    )
    related_links = StreamField(
        [("link", LinkBlock())], blank=True, verbose_name=_("related links")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_message")], heading=_("Service status")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("start_page"), FieldPanel("start_url"), FieldPanel("start_label")],
            heading=_("Start now button"),
        ),
        FieldPanel("related_links"),
    ]
    settings_panels = [*Page.settings_panels, *ReviewMixin.review_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = [
        "journeys.JourneyPage",
        "direct_debit.DirectDebitPage",
        "bookings.BookingPage",
    ]
    route_select_related = ["start_page"]

    class Meta:
        verbose_name = _("service page")

    def clean(self):
        super().clean()
        if self.start_page_id and self.start_url:
            raise ValidationError(
                {"start_url": _("Choose a start page or enter an address, not both.")}
            )
        if self.status != ServiceStatus.NORMAL and not self.status_message:
            raise ValidationError(
                {"status_message": _("Say what is disrupted or suspended, and until when.")}
            )

    @property
    def start_href(self):
        if self.start_page_id:
            # A form linked while still a draft gets its button when it is published, never a
            # button to a page residents cannot open.
            target = localized(self.start_page)
            return target.url if target.live else ""
        return self.start_url

    @property
    def is_disrupted(self):
        return self.status != ServiceStatus.NORMAL


class GuidePage(RoutedPageMixin, StepByStepMembershipMixin, ReviewMixin, RoutablePageMixin, Page):
    """A guide in several parts, each at its own address, with contents and previous/next links."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    parts = StreamField(
        [("part", GuidePartBlock())],
        min_num=2,
        verbose_name=_("parts"),
        help_text=_("Each part gets its own page. The first part is shown at the guide's address."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("parts")]
    settings_panels = [*Page.settings_panels, *ReviewMixin.review_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("parts"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")

    @cached_property
    def part_list(self):
        """Each part with its slug and address; the first part lives at the guide's own address."""
        base = self.url or ""
        parts = []
        for number, block in enumerate(self.parts):
            slug = slugify(block.value["title"]) or str(number + 1)
            parts.append(
                {
                    "number": number + 1,
                    "slug": slug,
                    "title": block.value["title"],
                    "body": block.value["body"],
                    "url": base if number == 0 else f"{base}{slug}/",
                }
            )
        return parts

    def _serve_part(self, request, index):
        parts = self.part_list
        context = {
            "part": parts[index],
            "previous_part": parts[index - 1] if index > 0 else None,
            "next_part": parts[index + 1] if index + 1 < len(parts) else None,
        }
        return self.render(request, context_overrides=context)

    @path("")
    def first_part(self, request):
        return self._serve_part(request, 0)

    @path("<slug:part_slug>/")
    def other_part(self, request, part_slug):
        for number, part in enumerate(self.part_list):
            if number and part["slug"] == part_slug:
                return self._serve_part(request, number)
        raise Http404

    def subpath_in_translation(self, subpath, translated):
        """A part's address in the translation: the part in the same place, whose slug comes
        from its title in that language."""
        slug = subpath.strip("/")
        for number, part in enumerate(self.part_list):
            if number and part["slug"] == slug:
                other = translated.part_list
                return f"{other[number]['slug']}/" if number < len(other) else None
        return subpath

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        root = urls[0]["location"]
        return urls + [
            {**urls[0], "location": f"{root}{part['slug']}/"} for part in self.part_list[1:]
        ]


class StepByStepPage(RoutedPageMixin, Page):
    """A journey through several services in order, e.g. 'Register a death'."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    steps = StreamField([("step", StepByStepStepBlock())], min_num=2, verbose_name=_("steps"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("steps")]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("step by step")

    def numbered_steps(self):
        """Steps with the number a resident sees: 'and'/'or' steps share the previous number."""
        number = 0
        for block in self.steps:
            logic = block.value.get("logic") or ""
            if not logic or number == 0:
                number += 1
            yield {"number": number, "logic": logic, "step": block.value}


class NewsPageTopic(TaggedItemBase):
    content_object = ParentalKey(
        "services.NewsPage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class NewsIndexPage(RoutedPageMixin, RoutablePageMixin, Page):
    """The council's news: newest first, ten to a page, with an Atom feed."""

    summary = models.CharField(_("summary"), max_length=255, blank=True, help_text=SUMMARY_HELP)

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def news_items(self):
        return public(NewsPage.objects.child_of(self).live()).order_by("-date", "-pk")

    @path("")
    def news_list(self, request):
        items = self.news_items().select_related("image")
        topic = request.GET.get("topic", "").strip()
        topic_name = ""
        if topic:
            items = items.filter(topics__slug=topic)
            # The topic as editors named it on this index's news (in its language), not its slug.
            topic_name = (
                Tag.objects.filter(
                    slug=topic, services_newspagetopic_items__content_object__in=self.news_items()
                )
                .values_list("name", flat=True)
                .first()
                or topic
            )
        paginator = Paginator(items, NEWS_PER_PAGE)
        try:
            news_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            news_page = paginator.page(1)
        except EmptyPage:
            news_page = paginator.page(paginator.num_pages)
        context = {"news_page": news_page, "topic": topic, "topic_name": topic_name}
        return self.render(request, context_overrides=context)

    @path("feed/")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(RoutedPageMixin, Page):
    """A news item from the council."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional. Give the image a description in the image library for its alt text."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    topics = ClusterTaggableManager(through=NewsPageTopic, blank=True, verbose_name=_("topics"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["services.NewsIndexPage"]
    subpage_types = []
    route_select_related = ["image"]

    class Meta:
        verbose_name = _("news page")


OPEN_NOW_SECONDS = 60


class LocationPage(RoutedPageMixin, ReviewMixin, Page):
    """A place residents can visit, such as a reception point or a library."""

    summary = models.CharField(_("summary"), max_length=255, help_text=SUMMARY_HELP)
    address = models.TextField(_("address"), help_text=_("One line of the address per line."))
    postcode = models.CharField(_("postcode"), max_length=10)
    directions = RichTextField(
        _("how to get there"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_("Buses, trains, parking and the nearest accessible entrance."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    facilities = RichTextField(
        _("facilities"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_("e.g. free computers, printing, baby changing."),
    )
    accessibility = RichTextField(
        _("accessibility"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_("Step-free access, hearing loops, accessible toilets, quiet rooms."),
    )
    services_offered = ParentalManyToManyField(
        "services.ServicePage",
        blank=True,
        related_name="locations",
        verbose_name=_("services offered here"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more information"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("directions"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Address and contact"),
        ),
        InlinePanel("opening_hours", heading=_("Weekly opening hours"), label=_("Opening time")),
        InlinePanel(
            "dated_hours",
            heading=_("Changes to opening hours"),
            label=_("Change"),
            help_text=_(
                "Closures and special opening on particular dates. The location is closed on "
                "bank holidays unless you add a change for that date."
            ),
        ),
        FieldPanel("facilities"),
        FieldPanel("accessibility"),
        FieldPanel("services_offered"),
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

    @cached_property
    def weekly_rows(self):
        return list(self.opening_hours.all())

    @cached_property
    def schedule(self):
        weekly = {}
        for hours in self.weekly_rows:
            weekly.setdefault(hours.weekday, []).append(
                opening_hours.Session(hours.opens, hours.closes)
            )
        overrides = [
            opening_hours.DatedHours(
                dated.date,
                (opening_hours.Session(dated.opens, dated.closes),) if dated.opens else (),
                dated.note,
            )
            for dated in self.dated_hours.all()
        ]
        return opening_hours.Schedule(
            weekly, overrides, bank_holiday_region=settings.BANK_HOLIDAY_REGION
        )

    def get_context(self, request, *args, **kwargs):
        # "Open now" is right for a minute, so the front cache keeps this page no longer.
        expires_within(request, OPEN_NOW_SECONDS)
        return super().get_context(request, *args, **kwargs)

    def opening_status(self):
        """'Open now – closes at 5pm' and the like, or None for a location with no hours."""
        if not self.weekly_rows:
            return None
        return self.schedule.status_at(timezone.now())

    def week_ahead(self):
        if not self.weekly_rows:
            return []
        return [
            {
                "date": day.date,
                "text": (
                    _("Closed")
                    if day.is_closed
                    else ", ".join(opening_hours.format_session(s) for s in day.sessions)
                ),
                "note": day.note,
            }
            for day in self.schedule.week_from(timezone.localdate())
        ]

    @property
    def map_url(self):
        """A plain link to a map of the postcode: works without JavaScript or an embedded map."""
        return f"https://www.openstreetmap.org/search?query={self.postcode.replace(' ', '+')}"


class OpeningHours(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"), help_text=_("A time before the opening time means after midnight.")
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening time")


class DatedHours(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="dated_hours")
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True, help_text=_("Blank if closed."))
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("reason"), max_length=120, blank=True, help_text=_("e.g. 'Staff training'")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change to opening hours")

    def clean(self):
        if (self.opens is None) != (self.closes is None):
            raise ValidationError(
                _("Enter both an opening and a closing time, or neither if it is closed.")
            )
