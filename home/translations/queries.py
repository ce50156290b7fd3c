"""Which translated pages are behind their English page, worked out in the database.

A translated page is any page outside the default locale; its source is the page with the same
translation key in the default locale. Three things can leave a translation behind, and one query
finds them all, however many pages there are:

- the source page was published after the translation was last published, and after
  wagtail-localize last synced it (a sync brings the source's text into the translation editor);
- wagtail-localize's translation still has text with no translation (the page shows the source
  language there);
- the translation has changes that are not published: it was synced after its last publish;
- or it was never published at all: a new translation, which is waiting to be published rather
  than behind (the report and the dashboard say so apart).

Pages made with Wagtail's plain "copy for translation" (the demo's Welsh pages) have no sync date,
so only their publish dates count. Alias pages follow their source on their own and are left out.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from .enums import UpdateReason

# Stands in for "never" so that dates can be compared in SQL, where any comparison with NULL fails.
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def default_language_code():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _in_default_locale(prefix=""):
    return {f"{prefix}locale__language_code": default_language_code()}


def with_translation_state(pages):
    """`pages` with their source page and how far behind it they are, as annotations.

    Every annotation is a subquery on the same row, so the result is still one query.
    """
    sources = Page.objects.filter(
        translation_key=OuterRef("translation_key"), live=True, **_in_default_locale()
    )
    synced = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        translations__target_locale_id=OuterRef("locale_id"),
        translations__enabled=True,
        **_in_default_locale(),
    )
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("locale_id")),
        has_error=False,
    )
    untranslated = (
        StringSegment.objects.filter(
            source__object_id=OuterRef("translation_key"),
            source__translations__target_locale_id=OuterRef("locale_id"),
            source__translations__enabled=True,
            **_in_default_locale("source__"),
        )
        .exclude(Exists(translated))
        .order_by()
        .values("source_id")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return pages.annotate(
        source_id=Subquery(sources.values("pk")[:1]),
        source_title=Subquery(sources.values("title")[:1]),
        source_last_published_at=Subquery(sources.values("last_published_at")[:1]),
        translation_source_id=Subquery(synced.values("pk")[:1]),
        synced_at=Subquery(synced.values("last_updated_at")[:1]),
        untranslated_count=Coalesce(Subquery(untranslated[:1]), 0, output_field=IntegerField()),
        # The later of the two; "never" if neither happened.
        caught_up_at=Greatest(Coalesce("last_published_at", NEVER), Coalesce("synced_at", NEVER)),
    ).annotate(
        source_changed=ExpressionWrapper(
            Q(source_last_published_at__gt=F("caught_up_at"))
            & (Q(last_published_at__isnull=False) | Q(synced_at__isnull=False)),
            output_field=BooleanField(),
        ),
        not_translated=ExpressionWrapper(Q(untranslated_count__gt=0), output_field=BooleanField()),
        not_published=ExpressionWrapper(
            Q(last_published_at__isnull=False) & Q(synced_at__gt=F("last_published_at")),
            output_field=BooleanField(),
        ),
        never_published=ExpressionWrapper(
            Q(last_published_at__isnull=True), output_field=BooleanField()
        ),
    )


def translations_to_update(pages):
    """The translated pages among `pages` that need work, the latest English change first."""
    translated = (
        pages.exclude(**_in_default_locale()).filter(alias_of__isnull=True).select_related("locale")
    )
    return (
        with_translation_state(translated)
        .filter(source_id__isnull=False)
        .filter(
            Q(source_changed=True)
            | Q(not_translated=True)
            | Q(not_published=True)
            | Q(never_published=True)
        )
        .order_by(F("source_last_published_at").desc(nulls_last=True), "title", "pk")
    )


def update_reasons(page):
    """What needs doing to a page from translations_to_update(), most important first."""
    flags = {
        UpdateReason.SOURCE_CHANGED: page.source_changed,
        UpdateReason.NOT_TRANSLATED: page.not_translated,
        UpdateReason.NOT_PUBLISHED: page.not_published,
        UpdateReason.NEVER_PUBLISHED: page.never_published,
    }
    return [reason for reason, applies in flags.items() if applies]


def translation_updated_at(page):
    """When the translation last caught up with its source: published or synced, or None."""
    dates = [date for date in (page.last_published_at, page.synced_at) if date is not None]
    return max(dates, default=None)


def counts_by_page_type(pages):
    """How many of translations_to_update(pages) there are of each page type, new translations
    (never published) apart from published ones that need updating, in one query:
    [(page type, never published, count)], page types by name."""
    rows = (
        translations_to_update(pages)
        .order_by()
        .values("content_type_id", "never_published")
        .annotate(total=Count("pk"))
    )
    counts = [
        (
            ContentType.objects.get_for_id(row["content_type_id"]).model_class(),
            row["never_published"],
            row["total"],
        )
        for row in rows
    ]
    return sorted(counts, key=lambda row: str(row[0]._meta.verbose_name))
