"""Where a page is in each language: its translation, or its nearest translated ancestor.

The language switcher and the hreflang alternates (templatetags/i18n_tags.py) ask this, and so do
views about a page that are not the page itself (the feedback form on a page). A page's
translations change only when an editor publishes, moves or deletes a page, and each of those
bumps the chrome's version (home/chrome.py), so the answers are cached under it: a warm page asks
the database nothing for them.

A page type with routes of its own (a guide's parts, a form's questions) says what a route is
called in a translation with `subpath_in_translation(subpath, translated_page)`: a subpath, or
None when the translation has no such route (the resident then goes to the translation itself).
Without it, a route keeps its name in every language.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from townhall import versions

from .chrome import TIMEOUT, VERSION_KEY
from .queries import page_and_ancestor_paths


def home_url(language):
    with translation.override(language):
        return reverse("wagtail_serve", args=("",))


def _find_translations(page, request):
    """{language: {"href", "exact", "pk"}} in one query: every translation of the page and of
    each of its ancestors, from which each language takes the deepest one that is live."""
    paths = page_and_ancestor_paths(page)
    keys = Page.objects.filter(path__in=paths, depth__gt=1).values("translation_key")
    candidates = list(
        Page.objects.filter(translation_key__in=keys)
        .select_related("locale")
        .only("path", "depth", "url_path", "live", "translation_key", "locale__language_code")
    )
    # How deep the page or ancestor each translation stands for is: deeper is nearer.
    depth_of_key = {c.translation_key: c.depth for c in candidates if c.path in paths}
    depth_of_key[page.translation_key] = page.depth
    own_language = None
    nearest = {}
    for candidate in candidates:
        if candidate.pk == page.pk:
            own_language = candidate.locale.language_code
        if not candidate.live:
            continue
        language = candidate.locale.language_code
        best = nearest.get(language)
        depth = depth_of_key.get(candidate.translation_key, 0)
        if best is None or depth > depth_of_key.get(best.translation_key, 0):
            nearest[language] = candidate
    found = {}
    for language, _name in settings.LANGUAGES:
        # The page itself rather than its saved row: a preview shows unsaved changes.
        candidate = page if language == own_language else nearest.get(language)
        url = candidate.get_url(request) if candidate is not None else None
        if url is None:
            found[language] = {"href": home_url(language), "exact": False, "pk": None}
        else:
            exact = candidate.translation_key == page.translation_key
            found[language] = {"href": url, "exact": exact, "pk": candidate.pk}
    return found


def translations_of(page, request):
    """{language: {"href", "exact", "pk"}}: the page in each language (exact), or else its nearest
    translated ancestor, or else that language's home page (pk None)."""
    key = f"townhall:languages:{versions.current(VERSION_KEY)}:{page.pk}:{page.latest_revision_id}"
    found = cache.get(key)
    if found is None:
        found = _find_translations(page, request)
        cache.set(key, found, TIMEOUT)
    return found


def route_in_language(page, link, subpath, language):
    """`link` (one language's entry of `translations_of(page)`) for the route `subpath` of `page`:
    the same route in the translation, or the translation itself, not as an alternate, when it
    has no such route."""
    if not link["exact"] or link["pk"] == page.pk:
        return {**link, "href": link["href"] + subpath if link["exact"] else link["href"]}
    name = getattr(page, "subpath_in_translation", None)
    if name is None:
        return {**link, "href": link["href"] + subpath}
    digest = hashlib.sha256(subpath.encode()).hexdigest()[:32]
    version, revision = versions.current(VERSION_KEY), page.latest_revision_id
    key = f"townhall:language-route:{version}:{page.pk}:{revision}:{language}:{digest}"
    translated = cache.get(key)
    if translated is None:
        other = Page.objects.get(pk=link["pk"]).specific
        found = page.subpath_in_translation(subpath, other)
        # "" is the translation's own address; None (nothing there) is kept as False.
        translated = False if found is None else found
        cache.set(key, translated, TIMEOUT)
    if translated is False:
        return {**link, "exact": False}
    return {**link, "href": link["href"] + translated}
