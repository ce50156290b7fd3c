"""How a resident's words become ranked results, the same way on every search backend.

The backend (Wagtail's database backend on SQLite or PostgreSQL, or Elasticsearch) finds the pages
that mention any of the words in any of their forms (plural or singular, with or without accents,
Welsh mutations: see words.py) or a synonym an editor set up for the language of the search. They
rank them differently: SQLite's FTS5 ignores field boosts and does not stem, PostgreSQL does both.
So the backend's order is kept only as a tie-breaker, and the best candidates are ranked here by
where the words appear — in the title, then the summary, then anywhere — and by the kind of page,
so that 'blue badge' puts the service before the news story, on every backend alike.
"""

import datetime
import functools
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import DateField, F, OuterRef, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import translation

from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText

from home.locales import active_locale_id

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


def result_content_types():
    """Content types of the pages search returns, by model label (cached by Django)."""
    models = [ContentType.objects.get_by_natural_key(*label.split(".")) for label in RESULT_MODELS]
    return {f"{ct.app_label}.{ct.model}": ct for ct in models}


def searchable_pages():
    """Live pages of the kinds search shows, in the resident's language, that anyone may see.

    Wagtail reads the view restrictions (one small query; a council has a handful) and leaves out
    the pages under each by path, which every backend can do. Checking every page against the
    restrictions inside the search's SQL instead cost a pass over all the pages each search."""
    return (
        Page.objects.live()
        .filter(locale_id=active_locale_id(), content_type__in=result_content_types().values())
        .public()
    )


class Candidate(NamedTuple):
    """A page the backend found, as ranking and the results page read it: no page is loaded."""

    id: int
    content_type_id: int
    title: str
    path: str
    url_path: str
    locale_id: int

    @property
    def pk(self):
        return self.id

    @classmethod
    def of(cls, page):
        return cls(*(getattr(page, name) for name in cls._fields))

    def as_page(self):
        """A base Page with these fields only (any other is loaded if read), for showing it."""
        known = self._asdict()
        values = [known[f.attname] for f in Page._meta.concrete_fields if f.attname in known]
        return Page.from_db(DEFAULT_DB_ALIAS, self._fields, values)


CANDIDATE_FIELDS = Candidate._fields


@dataclass
class Hit:
    """A page found: `found` is the page (a promoted page, of its own type) or its Candidate row,
    made a Page only if it is shown; its kind (a ResultType), its summary and date (news) as the
    results page shows them, and its score."""

    found: Page | Candidate
    kind: str
    score: float
    summary: str = ""
    date: datetime.date | None = None

    @functools.cached_property
    def page(self):
        if isinstance(self.found, Candidate):
            return self.found.as_page()
        return self.found


@dataclass
class Results:
    query: str
    concepts: list
    hits: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    # More pages matched than the MAX_CANDIDATES ranked: the count shown is the least there are.
    capped: bool = False

    def counts(self):
        totals = {}
        for hit in [*self.promoted, *self.hits]:
            totals[hit.kind] = totals.get(hit.kind, 0) + 1
        return totals


def score(label, title, summary, position, total, concepts, phrase, rules):
    """A page's score from its model label, title and summary and the backend's position for it."""
    kind, weight = RESULT_MODELS[label]
    title_keys = rules.keys(title)
    # The summary's words are read only if a concept is not in the title (often all are).
    summary_keys = None
    text = 0.0
    in_title = 0
    for concept in concepts:
        if concept.found_in(title_keys):
            text += TITLE_WEIGHT
            in_title += 1
            continue
        if summary_keys is None:
            summary_keys = rules.keys(summary)
        if concept.found_in(summary_keys):
            text += SUMMARY_WEIGHT
    text /= len(concepts)
    if in_title == len(concepts):
        text += WHOLE_TITLE_BONUS
    if " " in phrase and fold(phrase) in fold(normalise(title)):
        text += PHRASE_BONUS
    order = BACKEND_ORDER_WEIGHT * (1 - position / total)
    return kind, (text + order) * weight


def _models_by_content_type(pages):
    labels = {ct.pk: label for label, ct in result_content_types().items()}
    models = {}
    for page in pages:
        if page.content_type_id not in models:
            model = ContentType.objects.get_for_id(page.content_type_id).model_class()
            models[page.content_type_id] = (labels[page.content_type_id], model)
    return models


def _has_field(model, name):
    return any(field.name == name for field in model._meta.concrete_fields)


def _any_of(ids):
    """For `pk__in`: on PostgreSQL the ids as one array, not a placeholder each (psycopg took
    longer to prepare a query with 300 placeholders than PostgreSQL took to answer it)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", [list(ids)])
    return ids


def _summaries_and_dates(pages, models):
    """Each page's summary and date (None where its type has none), read from the tables of the
    pages' own types in one narrow query."""
    ids = {}
    for page in pages:
        ids.setdefault(page.content_type_id, []).append(page.pk)
    parts = [
        model.objects.filter(pk__in=_any_of(ids[content_type_id]))
        .order_by()
        .annotate(
            result_summary=F("summary") if _has_field(model, "summary") else Value(""),
            result_date=F("date")
            if _has_field(model, "date")
            # A typed NULL: PostgreSQL will not join an untyped one to dates.
            else Cast(Value(None), output_field=DateField()),
        )
        .values_list("pk", "result_summary", "result_date")
        for content_type_id, (_, model) in models.items()
    ]
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {pk: (summary or "", date) for pk, summary, date in rows}


def _rows(results):
    """The candidates found, as Candidate rows. PostgreSQL reads them as rows (search/backends.py);
    other backends' pages are read field by field."""
    if hasattr(results, "rows"):
        return [Candidate(*row) for row in results.rows(*CANDIDATE_FIELDS)]
    return [Candidate.of(page) for page in results]


def promoted_pages(phrase, searchable):
    """The pages editors recommend for exactly this search, of the `searchable` ones."""
    chosen = PromotedPage.objects.filter(promotion__match_key__contains=f"|{fold(phrase)}|")
    pages = searchable.filter(translation_key__in=chosen.values("page__translation_key"))
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
    """Rank live public pages for `query`: promoted pages first, then the best matches.

    Candidates are ranked from narrow rows (title, kind, summary): no page is loaded whole."""
    phrase = normalise(query)
    language = active_language()
    concepts = parse(query, language)
    results = Results(query=phrase, concepts=concepts)
    if not concepts:
        return results
    searchable = searchable_pages()
    promoted = promoted_pages(phrase, searchable)
    results.promoted = [
        Hit(
            found=page,
            kind=RESULT_MODELS[page._meta.label_lower][0],
            score=0.0,
            summary=getattr(page, "summary", ""),
            date=getattr(page, "date", None),
        )
        for page in promoted
    ]
    promoted_ids = {page.pk for page in promoted}
    candidates = searchable.only(*CANDIDATE_FIELDS).search(backend_query(concepts))
    # One more than is ranked, to know whether there were more.
    fetched = _rows(candidates[: MAX_CANDIDATES + 1])
    results.capped = len(fetched) > MAX_CANDIDATES
    found = [page for page in fetched[:MAX_CANDIDATES] if page.pk not in promoted_ids]
    models = _models_by_content_type(found)
    details = _summaries_and_dates(found, models)
    rules = words.for_language(language)
    hits = []
    for position, page in enumerate(found):
        summary, date = details.get(page.pk, ("", None))
        kind, points = score(
            models[page.content_type_id][0],
            page.title,
            summary,
            position,
            len(found),
            concepts,
            phrase,
            rules,
        )
        hits.append(Hit(found=page, kind=kind, score=points, summary=summary, date=date))
    # Python's sort is stable: equal scores keep the backend's order.
    results.hits = sorted(hits, key=lambda hit: -hit.score)
    return results
