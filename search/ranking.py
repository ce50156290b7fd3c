"""How a resident's words become ranked results, the same way on every search backend.

The backend (Wagtail's database backend on SQLite or PostgreSQL, or Elasticsearch) finds the pages
that mention any of the words, their plural or singular, or a synonym an editor set up. They rank
them differently: SQLite's FTS5 ignores field boosts and does not stem, PostgreSQL does both. So the
backend's order is kept only as a tie-breaker, and the best candidates are ranked here by where the
words appear — in the title, then the summary, then anywhere — and by the kind of page, so that
'blue badge' puts the service before the news story, on every backend alike.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery

from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText

from home.locales import active_locale_id
from home.queries import public

from .enums import RESULT_MODELS
from .models import PromotedPage, Synonym, normalise

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

# Words that say nothing about what a resident wants, dropped unless they are all there is.
STOPWORDS = frozenset(
    {
        *("a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for"),
        *("from", "how", "i", "if", "in", "is", "it", "me", "my", "of", "on", "or", "our", "so"),
        *("that", "the", "their", "this", "to", "us", "want", "what", "when", "where", "which"),
        *("who", "why", "will", "with", "you", "your"),
    }
)
# Words whose last 's' is not a plural.
_NOT_PLURAL = frozenset(
    {"news", "series", "species", "always", "perhaps", "various", "bus", "gas", "plus"}
)


def stem(word):
    """The singular of an English plural, roughly: 'centres' -> 'centre', 'libraries' ->
    'library'. Enough for plural and singular to find each other on a backend that does not stem."""
    if word in _NOT_PLURAL or len(word) < 4:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def variants(word_stem):
    """The forms of a word to ask the backend for: the stem and its plural."""
    if word_stem.endswith("y") and len(word_stem) > 2 and word_stem[-2] not in "aeiou":
        plural = word_stem[:-1] + "ies"
    elif word_stem.endswith(("s", "x", "ch", "sh")):
        plural = word_stem + "es"
    else:
        plural = word_stem + "s"
    return sorted({word_stem, plural})


def stems(text):
    return {stem(word) for word in normalise(text).split()}


@dataclass(frozen=True)
class Concept:
    """One thing searched for: a word or synonym phrase, and each way of saying it as stems."""

    searched: str
    alternatives: tuple

    def found_in(self, text_stems):
        return any(all(part in text_stems for part in alt) for alt in self.alternatives)


def _ngrams(words, longest=3):
    return {
        " ".join(words[start : start + size])
        for size in range(1, longest + 1)
        for start in range(len(words) - size + 1)
    }


def parse(query):
    """The concepts in a query, with synonyms from the editors' list (one query)."""
    words = normalise(query).split()
    if not words:
        return []
    synonyms = {
        term: [alt for alt in other.split(", ") if alt]
        for term, other in Synonym.objects.filter(term__in=_ngrams(words)).values_list(
            "term", "synonyms"
        )
    }
    meaningful = [word for word in words if word not in STOPWORDS] or words
    concepts = []
    position = 0
    while position < len(words):
        for size in (3, 2, 1):
            term = " ".join(words[position : position + size])
            if size <= len(words) - position and term in synonyms:
                said = [term, *synonyms[term]]
                concepts.append(
                    Concept(term, tuple(tuple(stem(w) for w in s.split()) for s in said))
                )
                position += size
                break
        else:
            word = words[position]
            if word in meaningful:
                concepts.append(Concept(word, ((stem(word),),)))
            position += 1
    return list(dict.fromkeys(concepts))


def backend_query(concepts):
    """Any concept, any way of saying it: the backend finds candidates, ranking happens here."""
    parts = []
    for concept in concepts:
        for alternative in concept.alternatives:
            words = [PlainText(" ".join(variants(part)), operator="or") for part in alternative]
            parts.append(words[0] if len(words) == 1 else And(words))
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


def score(page, position, total, concepts, phrase):
    kind, weight = RESULT_MODELS[page._meta.label_lower]
    title = stems(page.title)
    summary = stems(getattr(page, "summary", ""))
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
    if " " in phrase and phrase in normalise(page.title):
        text += PHRASE_BONUS
    order = BACKEND_ORDER_WEIGHT * (1 - position / total)
    return Hit(page=page, kind=kind, score=(text + order) * weight)


def promoted_pages(phrase):
    """The pages editors recommend for exactly this search, in the resident's language."""
    chosen = PromotedPage.objects.filter(promotion__match_key__contains=f"|{phrase}|")
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
    concepts = parse(query)
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
    hits = [score(page, n, len(found), concepts, phrase) for n, page in enumerate(found)]
    # Python's sort is stable: equal scores keep the backend's order.
    results.hits = sorted(hits, key=lambda hit: -hit.score)
    return results
