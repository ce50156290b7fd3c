"""Alerts: site-wide or section-wide banners editors raise for emergencies and disruption.

An editor writes an alert once, picks how serious it is, when it runs and where it shows (the whole
site, or one page and everything below it). Residents see it at the top of every page in scope while
it runs, most serious first, and may hide anything that is not an emergency.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from ..queries import page_and_ancestor_paths
from .enums import HIDEABLE_LEVELS, MOST_SEVERE_FIRST, AlertLevel


def active_content_language():
    """The language code Locale.get_active() would look up, worked out without its query."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class AlertBannerQuerySet(models.QuerySet):
    def showing_at(self, moment):
        return self.filter(starts_at__lte=moment).filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=moment)
        )

    def in_scope_of(self, page):
        """Whole-site alerts, plus those scoped to `page` or any page above it.

        Without a page (a search or error page, say) only whole-site alerts apply.
        """
        whole_site = Q(scope__isnull=True)
        if page is None:
            return self.filter(whole_site)
        return self.filter(whole_site | Q(scope__path__in=page_and_ancestor_paths(page)))

    def in_language(self, language_code):
        # Matching on the locale's code joins rather than fetching the Locale row first, which keeps
        # the banners to one query per page.
        return self.filter(locale__language_code=language_code)

    def not_hidden_by(self, hidden_ids):
        if not hidden_ids:
            return self
        return self.exclude(pk__in=hidden_ids, level__in=HIDEABLE_LEVELS)

    def most_severe_first(self):
        rank = Case(
            *(When(level=level, then=Value(i)) for i, level in enumerate(MOST_SEVERE_FIRST)),
            default=Value(len(MOST_SEVERE_FIRST)),
        )
        return self.alias(severity_rank=rank).order_by("severity_rank", "-starts_at", "-pk")

    def not_ended_by(self, moment):
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=moment))

    def due_for_resident(self, *, page=None, hidden_ids=(), moment=None):
        """As for_resident(), with the alerts still to start: showing now and scheduled."""
        return (
            self.not_ended_by(moment or timezone.now())
            .in_scope_of(page)
            .in_language(active_content_language())
            .not_hidden_by(hidden_ids)
            .most_severe_first()
        )


class AlertBanner(TranslatableMixin, models.Model):
    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_(
            "Say what is happening in a few words, for example "
            "‘Bin collections are delayed because of snow’."
        ),
    )
    message = RichTextField(
        _("message"),
        features=["bold", "link"],
        max_length=400,
        help_text=_(
            "One or two sentences telling residents what it means for them and what to do. "
            "You can add a link to a page with more details."
        ),
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=AlertLevel.choices,
        default=AlertLevel.INFORMATION,
        help_text=_(
            "Emergency: a risk to people’s safety, shown in red. Residents cannot hide it. "
            "Warning: disruption to a service, shown in orange. "
            "Information: something useful to know, shown in blue."
        ),
    )
    starts_at = models.DateTimeField(
        _("start showing"),
        default=timezone.now,
        help_text=_("The alert appears from this date and time. Leave as it is to show it now."),
    )
    ends_at = models.DateTimeField(
        _("stop showing"),
        null=True,
        blank=True,
        help_text=_(
            "The alert disappears at this date and time. Leave empty to keep showing it until "
            "you change this or delete the alert."
        ),
    )
    # Deleting a section deletes its alerts: falling back to 'whole site' would put a
    # section's alert on every page.
    scope = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("where it shows"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Leave empty to show the alert on every page of the website. Or choose a page: the "
            "alert will show on that page and every page below it."
        ),
    )

    objects = AlertBannerQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The time it stops showing must be after the time it starts.")}
            )

    @property
    def can_be_hidden(self):
        return self.level in HIDEABLE_LEVELS

    def is_showing(self, moment=None):
        moment = moment or timezone.now()
        return self.starts_at <= moment and (self.ends_at is None or moment < self.ends_at)

    def status(self):
        now = timezone.now()
        if self.is_showing(now):
            return _("Live")
        if self.starts_at > now:
            return _("Scheduled")
        return _("Ended")

    def scope_label(self):
        return self.scope.title if self.scope_id else _("Whole site")
