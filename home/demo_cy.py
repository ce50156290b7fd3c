"""The demo council in Welsh, for `manage.py seed_demo`: Cyngor Bwrdeistref Sirol Glanrhyd.

Every page the demo seeds in English, and its alert banner, gets a Welsh translation written for
this fictional council (the words are in demo_cy_text.py; they are demo text, not checked by a
professional translator). Each page is a Wagtail translation of its English page (same translation
key), so the language switcher and wagtail-localize's "sync" see them as one page.

A translation that exists already is left alone, so a re-run changes nothing and never overwrites
an editor's work. New translations are saved as drafts first; once every Welsh page exists, their
links to other pages are pointed at the Welsh pages and each is published once. Forms keep their
question names, answer values and page names, so their rules and casework routing work the same
in both languages.
"""

from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from services.models import DatedHours

from .alerts.models import AlertBanner
from .demo_cy_text import (
    ALERTS,
    CATEGORIES,
    CLOSURE_NOTES,
    GUIDES,
    HOME,
    JOURNEY_PAGE_NAMES,
    JOURNEY_TEXT,
    JOURNEYS,
    LOCATION_TEXT,
    LOCATIONS,
    NEWS,
    NEWS_INDEX,
    NEWS_TOPICS,
    SERVICES,
    STATUS_MESSAGES,
    STEP_BY_STEPS,
    STREAM_TEXT,
    WHAT_HAPPENS_NEXT,
)

WELSH = "cy"

# The parts of a form's steps residents read; names and values stay.
_READABLE_KEYS = {"label", "hint", "heading", "body"}
# Page names, and the rules that go to them.
_PAGE_NAME_KEYS = {"slug", "go_to"}


def _swap_text(value, text, keys=None, key=None):
    """Raw StreamField data with each string found in `text` swapped for its translation (only
    under `keys`, when given). Block types, order, ids and every other value stay as they are."""
    if isinstance(value, dict):
        return {k: _swap_text(v, text, keys, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap_text(item, text, keys, key) for item in value]
    if isinstance(value, str) and (keys is None or key in keys):
        return text.get(value, value)
    return value


def welsh_journey_steps(raw_steps):
    """A form's steps (raw StreamField data) with every text residents read, and every page
    name, in Welsh."""
    readable = _swap_text(raw_steps, JOURNEY_TEXT, _READABLE_KEYS)
    return _swap_text(readable, JOURNEY_PAGE_NAMES, _PAGE_NAME_KEYS)


def welsh_stream(stream_value):
    """A page's StreamField content, block by block, with its demo text in Welsh."""
    return _swap_text(list(stream_value.raw_data), STREAM_TEXT)


def _draft_translation(page, locale, **fields):
    """The Welsh translation of `page`: made as a draft with these fields if it is missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    welsh = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(welsh, name, value)
    welsh.save()
    return welsh, True


def _welsh_page_ids(english, welsh):
    """{English page id: Welsh page id} for every page that has a Welsh translation."""
    welsh_by_key = dict(
        Page.objects.filter(locale=welsh).values_list("translation_key", "pk").order_by()
    )
    return {
        pk: welsh_by_key[key]
        for pk, key in Page.objects.filter(locale=english).values_list("pk", "translation_key")
        if key in welsh_by_key
    }


def _relinked(value, welsh_ids):
    """Raw StreamField data with every chosen page swapped for its Welsh translation."""
    if isinstance(value, dict):
        return {
            k: welsh_ids.get(v, v) if k == "page" else _relinked(v, welsh_ids)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_relinked(item, welsh_ids) for item in value]
    return value


def _link_to_welsh_pages(page, welsh_ids):
    """Point the page's links (top tasks, featured tasks, related links, step-by-step tasks, the
    Start now button) at the Welsh pages, so Welsh pages are linked to each other in the index
    Wagtail keeps: that is how a Welsh service finds the Welsh step by step it is part of."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = list(getattr(page, field.name).raw_data)
            relinked = _relinked(raw, welsh_ids)
            if relinked != raw:
                setattr(page, field.name, relinked)
    start_page_id = getattr(page, "start_page_id", None)
    if start_page_id in welsh_ids:
        page.start_page_id = welsh_ids[start_page_id]


def _translate_alerts(english, welsh, welsh_ids):
    """Each demo alert banner's Welsh translation, which Welsh pages show instead of it."""
    created = 0
    for alert in AlertBanner.objects.filter(locale=english, title__in=ALERTS):
        if alert.has_translation(welsh):
            continue
        if alert.scope_id and alert.scope_id not in welsh_ids:
            continue  # its section is not in Welsh yet: there is nowhere for it to show
        translation = alert.copy_for_translation(welsh)
        translation.title, translation.message = ALERTS[alert.title]
        translation.scope_id = welsh_ids.get(alert.scope_id)
        translation.save()
        created += 1
    return created


def seed_welsh(stdout):
    """Translate the demo council's pages, online forms and alert banners into Welsh."""
    from forms_app.journeys.models import JourneyPage

    site = Site.objects.get(is_default_site=True)
    english_home = site.root_page.specific
    english = english_home.locale
    welsh, _ = Locale.objects.get_or_create(language_code=WELSH)
    drafts = []

    def translate(page, **fields):
        translated, new = _draft_translation(page, welsh, **fields)
        if new:
            drafts.append(translated)
        return translated, new

    translate(english_home, **HOME)
    english_pages = Page.objects.descendant_of(english_home).filter(locale=english)
    by_title = {}
    for page in english_pages.order_by("path").specific():
        by_title.setdefault((page.depth, page.title), page)

    def find(depth, title):
        return by_title.get((english_home.depth + depth, title))

    for title, (welsh_title, slug, summary) in CATEGORIES.items():
        if category := find(1, title):
            translate(category, title=welsh_title, slug=slug, summary=summary)
    for title, (welsh_title, slug, summary) in SERVICES.items():
        if service := find(2, title):
            translate(
                service,
                title=welsh_title,
                slug=slug,
                summary=summary,
                body=welsh_stream(service.body),
                status_message=STATUS_MESSAGES.get(title, ""),
            )
    for title, (welsh_title, slug, summary) in GUIDES.items():
        if guide := find(2, title):
            translate(
                guide,
                title=welsh_title,
                slug=slug,
                summary=summary,
                parts=welsh_stream(guide.parts),
            )
    for title, (welsh_title, slug, summary) in STEP_BY_STEPS.items():
        if step_by_step := find(2, title):
            translate(
                step_by_step,
                title=welsh_title,
                slug=slug,
                summary=summary,
                steps=welsh_stream(step_by_step.steps),
            )
    for title, (welsh_title, slug, summary, address) in LOCATIONS.items():
        if location := find(2, title):
            translated, new = translate(
                location,
                title=welsh_title,
                slug=slug,
                summary=summary,
                address=address,
                **LOCATION_TEXT,
            )
            if new:
                for change in DatedHours.objects.filter(page=translated):
                    change.note = CLOSURE_NOTES.get(change.note, change.note)
                    change.save(update_fields=["note"])
    welsh_title, slug, summary = NEWS_INDEX
    if news_index := find(1, "News"):
        translate(news_index, title=welsh_title, slug=slug, summary=summary)
        for title, (welsh_title, slug, summary) in NEWS.items():
            if news := find(2, title):
                translated, new = translate(
                    news,
                    title=welsh_title,
                    slug=slug,
                    summary=summary,
                    body=welsh_stream(news.body),
                )
                if new:
                    topics = [NEWS_TOPICS.get(tag.name, tag.name) for tag in news.topics.all()]
                    translated.topics.set(topics)
                    translated.save()
    for journey in JourneyPage.objects.filter(locale=english):
        if journey.title not in JOURNEYS or not journey.get_parent().get_translation_or_none(welsh):
            continue
        welsh_title, confirmation = JOURNEYS[journey.title]
        # No routing rules to copy: rules match a form in every language by its translation key.
        translate(
            journey,
            title=welsh_title,
            slug="ffurflen",
            steps=welsh_journey_steps(list(journey.steps.raw_data)),
            confirmation_heading=confirmation,
            what_happens_next=WHAT_HAPPENS_NEXT,
        )

    welsh_ids = _welsh_page_ids(english, welsh)
    for draft in drafts:
        # Fetched again: closure notes and topics were changed in the database after the copy.
        page = Page.objects.get(pk=draft.pk).specific
        _link_to_welsh_pages(page, welsh_ids)
        page.save_revision().publish()
    alerts = _translate_alerts(english, welsh, welsh_ids)
    if drafts:
        stdout.write(f"Translated {len(drafts)} pages into Welsh.")
    if alerts:
        stdout.write(f"Translated {alerts} alert banner{'s' if alerts > 1 else ''} into Welsh.")
