"""How a resident's words become ranked results, the same way on every search backend.

The backend (Wagtail's database backend on SQLite or PostgreSQL, or Elasticsearch) finds the pages
that mention any of the words in any of their forms (plural or singular, with or without accents,
Welsh mutations: see words.py) or a synonym an editor set up for the language of the search. They
rank them differently: SQLite's FTS5 ignores field boosts and does not stem, PostgreSQL does both.
So the backend's order is kept only as a tie-breaker, and the best candidates are ranked here by
where the words appear — in the title, then the summary, then anywhere — and by the kind of page,
so that 'blue badge' puts the service before the news story, on every backend alike.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils import translation

from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText

from home.locales import active_locale_id
from home.queries import public

from . import words
from .enums import RESULT_MODELS
from .models import PromotedPage, Synonym
from .words import fold, normalise

# How many candidates from the backend are ranked. Beyond this, results are too weak to read.
MAX_CANDIDATES = 300
# Where a searched word is found counts this much, averaged over the words searched for.
TITLE_WEIGHT = 3.0
SUMMARY_WEIGHT = 1.5
# Every searched word in the title (e.g. 'blue badge' and 'Apply for a Blue Badge').
WHOLE_TITLE_BONUS = 1.0
# The words together, in order, in the title.
PHRASE_BONUS = 0.5
# The backend's own order, for words found only in the body and to break ties.
BACKEND_ORDER_WEIGHT = 0.5


def active_language():
    """The language being searched in, as settings.LANGUAGES spells it ('cy' for 'cy-gb')."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Concept:
    """One thing searched for: a word or synonym phrase, and each way of saying it as a tuple of
    words (words.Word), all of which must be there."""

    searched: str
    alternatives: tuple

    def found_in(self, text_keys):
        return any(all(word.found_in(text_keys) for word in alt) for alt in self.alternatives)


def _ngrams(terms, longest=3):
    return {
        " ".join(terms[start : start + size])
        for size in range(1, longest + 1)
        for start in range(len(terms) - size + 1)
    }


def _synonyms(ngrams, language, rules):
    """The editors' other words for each of these word groups, in this language (one query)."""
    forms = {ngram: rules.lookup_forms(ngram) for ngram in ngrams}
    saved = {}
    for match_term, others in Synonym.objects.filter(
        language=language, match_term__in=set().union(*forms.values())
    ).values_list("match_term", "synonyms"):
        saved.setdefault(match_term, []).extend(other for other in others.split(", ") if other)
    found = {}
    for ngram, lookups in forms.items():
        others = [other for lookup in sorted(lookups) for other in saved.get(lookup, [])]
        if others:
            found[ngram] = list(dict.fromkeys(others))
    return found


def _say(phrase, rules):
    """A way of saying a concept, as words to find; stop words only if that is all there is."""
    said = phrase.split()
    said = [word for word in said if not rules.is_stop_word(word)] or said
    return tuple(rules.word(word) for word in said)


def parse(query, language=None):
    """The concepts in a query, with the editors' synonyms for its language (one query)."""
    language = language or active_language()
    rules = words.for_language(language)
    terms = normalise(query).split()
    if not terms:
        return []
    synonyms = _synonyms(_ngrams(terms), language, rules)
    meaningful = [term for term in terms if not rules.is_stop_word(term)] or terms
    concepts = []
    position = 0
    while position < len(terms):
        for size in (3, 2, 1):
            phrase = " ".join(terms[position : position + size])
            if size <= len(terms) - position and phrase in synonyms:
                said = [phrase, *synonyms[phrase]]
                concepts.append(
                    Concept(phrase, tuple(dict.fromkeys(_say(way, rules) for way in said)))
                )
                position += size
                break
        else:
            term = terms[position]
            if term in meaningful:
                concepts.append(Concept(term, ((rules.word(term),),)))
            position += 1
    return list(dict.fromkeys(concepts))


def backend_query(concepts):
    """Any concept, any way of saying it: the backend finds candidates, ranking happens here."""
    parts = []
    for concept in concepts:
        for alternative in concept.alternatives:
            found = [PlainText(" ".join(word.spellings), operator="or") for word in alternative]
            parts.append(found[0] if len(found) == 1 else And(found))
    return parts[0] if len(parts) == 1 else Or(parts)


def uses_database_backend():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend.endswith(".database")


def result_content_types():
    """Content types of the pages search returns, by model label (cached by Django)."""
    models = [ContentType.objects.get_by_natural_key(*label.split(".")) for label in RESULT_MODELS]
    return {f"{ct.app_label}.{ct.model}": ct for ct in models}


def searchable_pages():
    """Live pages of the kinds search shows, in the resident's language, that anyone may see."""
    pages = Page.objects.live().filter(
        locale_id=active_locale_id(), content_type__in=result_content_types().values()
    )
    if uses_database_backend():
        # The restriction check stays inside the search's one SQL query.
        return pages.filter(pk__in=public(Page.objects.all()).values("pk"))
    # Elasticsearch cannot run SQL: Wagtail turns restrictions into path filters it can.
    return pages.public()


@dataclass
class Hit:
    page: Page
    kind: str
    score: float


@dataclass
class Results:
    query: str
    concepts: list
    hits: list = field(default_factory=list)
    promoted: list = field(default_factory=list)

    def counts(self):
        totals = {}
        for hit in [*self.promoted, *self.hits]:
            totals[hit.kind] = totals.get(hit.kind, 0) + 1
        return totals


def score(page, position, total, concepts, phrase, rules):
    kind, weight = RESULT_MODELS[page._meta.label_lower]
    title = rules.keys(page.title)
    summary = rules.keys(getattr(page, "summary", ""))
    text = 0.0
    in_title = 0
    for concept in concepts:
        if concept.found_in(title):
            text += TITLE_WEIGHT
            in_title += 1
        elif concept.found_in(summary):
            text += SUMMARY_WEIGHT
    text /= len(concepts)
    if in_title == len(concepts):
        text += WHOLE_TITLE_BONUS
    if " " in phrase and fold(phrase) in fold(normalise(page.title)):
        text += PHRASE_BONUS
    order = BACKEND_ORDER_WEIGHT * (1 - position / total)
    return Hit(page=page, kind=kind, score=(text + order) * weight)


def promoted_pages(phrase):
    """The pages editors recommend for exactly this search, in the resident's language."""
    chosen = PromotedPage.objects.filter(promotion__match_key__contains=f"|{fold(phrase)}|")
    pages = searchable_pages().filter(translation_key__in=chosen.values("page__translation_key"))
    position = chosen.filter(page__translation_key=OuterRef("translation_key")).values(
        "promotion_id", "sort_order"
    )
    return list(
        pages.annotate(
            promotion_order=Subquery(position.values("promotion_id")[:1]),
            page_order=Subquery(position.values("sort_order")[:1]),
        )
        .order_by("promotion_order", "page_order")
        .defer_streamfields()
        .specific()
    )


def search(query):
    """Rank live public pages for `query`: promoted pages first, then the best matches."""
    phrase = normalise(query)
    language = active_language()
    concepts = parse(query, language)
    results = Results(query=phrase, concepts=concepts)
    if not concepts:
        return results
    promoted = promoted_pages(phrase)
    results.promoted = [
        Hit(page=page, kind=RESULT_MODELS[page._meta.label_lower][0], score=0.0)
        for page in promoted
    ]
    promoted_ids = {page.pk for page in promoted}
    candidates = searchable_pages().defer_streamfields().specific().search(backend_query(concepts))
    found = [page for page in candidates[:MAX_CANDIDATES] if page.pk not in promoted_ids]
    rules = words.for_language(language)
    hits = [score(page, n, len(found), concepts, phrase, rules) for n, page in enumerate(found)]
    # Python's sort is stable: equal scores keep the backend's order.
    results.hits = sorted(hits, key=lambda hit: -hit.score)
    return results
