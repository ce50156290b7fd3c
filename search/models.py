"""Site search: what editors tune (synonyms and promoted results) and what residents searched for.

The search log is anonymous by design. It keeps the normalised words of a search, the language, the
day and how many results it found, counted per day: no IP address, user, session or time of day,
so no row can be tied to a person or used to follow one through the site.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from .words import MAX_QUERY_LENGTH, fold, normalise


def language_choices():
    """The site's languages. A callable, so adding a language to settings needs no migration."""
    return settings.LANGUAGES


def default_language():
    return settings.LANGUAGE_CODE


class Synonym(models.Model):
    """A word residents use and the words the council's pages use for the same thing, in one
    language: Welsh searches use only the Welsh synonyms, English searches only the English."""

    language = models.CharField(
        _("language"),
        max_length=12,
        choices=language_choices,
        default=default_language,
        help_text=_("Used only for searches in this language."),
    )
    term = models.CharField(
        _("when someone searches for"),
        max_length=100,
        help_text=_("A word or short phrase residents use, e.g. 'rubbish' or 'the tip'."),
    )
    synonyms = models.CharField(
        _("also search for"),
        max_length=255,
        help_text=_(
            "Words that mean the same on our pages, separated by commas, e.g. "
            "'waste, bins, refuse'. A search for the word above also finds pages with these."
        ),
    )

    # The term without accents, so 'swn' finds the synonym saved for 'sŵn'.
    match_term = models.CharField(max_length=100, editable=False, default="")

    panels = [FieldPanel("language"), FieldPanel("term"), FieldPanel("synonyms")]

    class Meta:
        ordering = ["term", "language"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language"],
                name="search_one_synonym_per_term_and_language",
                violation_error_message=_(
                    "There is already a synonym for this search in this language."
                ),
            )
        ]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = normalise(self.term)
        self.match_term = fold(self.term)
        self.synonyms = ", ".join(self.alternatives())
        super().save(*args, **kwargs)

    def clean(self):
        # Before the uniqueness check, so 'Rubbish ' and 'rubbish' are the same term.
        self.term = normalise(self.term)

    def alternatives(self):
        found = (normalise(word) for word in self.synonyms.split(","))
        return [word for word in dict.fromkeys(found) if word and word != normalise(self.term)]


class PromotedResult(ClusterableModel):
    """A 'best bet': for these exact searches, show these pages first as recommended."""

    phrases = models.TextField(
        _("searches"),
        help_text=_(
            "One search on each line, in any language, e.g. 'bin day' or 'diwrnod biniau'. It "
            "matches when someone searches for exactly these words; capital letters, accents and "
            "punctuation do not matter. The pages are shown in the language of the search."
        ),
    )
    # The phrases normalised, without accents and fenced with '|', so a search is found with one
    # 'contains' query whether or not it has its accents. Phrases in any language: the pages are
    # shown in the language of the search.
    match_key = models.TextField(editable=False, db_index=False)

    panels = [
        FieldPanel("phrases"),
        InlinePanel("pages", heading=_("Pages to recommend"), label=_("Page"), min_num=1),
    ]

    class Meta:
        verbose_name = _("promoted result")
        verbose_name_plural = _("promoted results")

    def __str__(self):
        return ", ".join(self.phrase_list())

    def phrase_list(self):
        return [
            phrase for phrase in dict.fromkeys(map(normalise, self.phrases.splitlines())) if phrase
        ]

    def save(self, *args, **kwargs):
        phrases = self.phrase_list()
        self.phrases = "\n".join(phrases)
        self.match_key = "|" + "|".join(fold(phrase) for phrase in phrases) + "|"
        super().save(*args, **kwargs)


class PromotedPage(Orderable):
    promotion = ParentalKey(PromotedResult, on_delete=models.CASCADE, related_name="pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Shown in its translation when someone searches in another language."),
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("recommended page")


class DailySearchCount(models.Model):
    """How often a normalised search was made on one day, in one language. Nothing else."""

    query = models.CharField(_("search"), max_length=MAX_QUERY_LENGTH)
    language = models.CharField(_("language"), max_length=12)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(
        _("results"), default=0, help_text=_("How many results the last search found.")
    )

    class Meta:
        verbose_name = _("daily search count")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="search_one_count_per_query_and_day"
            )
        ]
        indexes = [models.Index(fields=["day", "query"])]

    def __str__(self):
        return f"{self.query} ({self.day})"

    @classmethod
    def record(cls, query, language, results):
        """Count one search; an update in one query, except the first time on a day."""
        key = {"query": normalise(query), "language": language, "day": timezone.localdate()}
        if not key["query"]:
            return
        bump = {"searches": F("searches") + 1, "results": results}
        if cls.objects.filter(**key).update(**bump):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**key, searches=1, results=results)
        except IntegrityError:
            # Another request created today's row between our update and insert.
            cls.objects.filter(**key).update(**bump)
