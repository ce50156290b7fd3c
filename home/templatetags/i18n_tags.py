"""The language switcher and hreflang alternates: the page a resident is on, in other languages.

A Wagtail page links to its own translation, or to its nearest translated ancestor when it has
none (the other language's home page at worst). Other views (cookies, check progress, search) swap
the language prefix with Django's `translate_url`. A page's translations change only when an
editor publishes, moves or deletes a page, and each of those bumps the chrome's version
(home/chrome.py), so they are cached under it: a warm page asks the database nothing for them.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.chrome import TIMEOUT, VERSION_KEY
from home.queries import page_and_ancestor_paths

register = template.Library()


def _home_url(language):
    with translation.override(language):
        return reverse("wagtail_serve", args=("",))


def _find_translations(page, request):
    """{language: {"href", "exact"}} in one query: every translation of the page and of each of
    its ancestors, from which each language takes the deepest one that is live."""
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
            found[language] = {"href": _home_url(language), "exact": False}
        else:
            exact = candidate.translation_key == page.translation_key
            found[language] = {"href": url, "exact": exact}
    return found


def _translations_of(page, request):
    version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
    key = f"townhall:languages:{version}:{page.pk}:{page.latest_revision_id}"
    found = cache.get(key)
    if found is None:
        found = _find_translations(page, request)
        cache.set(key, found, TIMEOUT)
    return found


def _page_links(page, request):
    found = _translations_of(page, request)
    own = found.get(translation.get_language(), {}).get("href")
    # A route inside the page (a guide's part, a form's question) goes to the same route in
    # the translation, under the same name unless the page names its routes in each language.
    rest = request.path[len(own) :] if own and request.path.startswith(own) else ""
    return {
        language: {
            **link,
            "href": link["href"] + _route_in(page, rest, language)
            if link["exact"]
            else link["href"],
        }
        for language, link in found.items()
    }


def _route_in(page, route, language):
    """`route` inside `page` as its translation into `language` names it. A page type whose
    routes have a name in each language (an online form's pages) says so with a method
    `route_in_language(route, language)`; cached like the translations themselves."""
    if not route or not hasattr(page, "route_in_language"):
        return route
    version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
    key = f"townhall:routes:{version}:{page.pk}:{page.latest_revision_id}:{language}:{route}"
    found = cache.get(key)
    if found is None:
        found = page.route_in_language(route, language)
        cache.set(key, found, TIMEOUT)
    return found


def language_links(context):
    """{language: {"href", "exact"}} for this request, worked out once per request."""
    request = context.get("request")
    if request is None:
        return {}
    if not hasattr(request, "_townhall_language_links"):
        page = context.get("page")
        if "exception" in context:
            # An error page (404, 403): there is nothing here in any language but the home page.
            links = {
                language: {"href": _home_url(language), "exact": False}
                for language, _name in settings.LANGUAGES
            }
        elif isinstance(page, Page) and page.pk and page.translation_key:
            links = _page_links(page, request)
        else:
            full_path = request.get_full_path()
            links = {
                language: {"href": translate_url(full_path, language), "exact": True}
                for language, _name in settings.LANGUAGES
            }
        request._townhall_language_links = links
    return request._townhall_language_links


# What each language's link does, said in that language to a screen reader (GOV.UK's and HMRC's
# language select): its visible name, "Cymraeg", tells a resident who reads no English nothing
# about what happens. Each is translated into the language it names, and read in that language.
CHANGE_TO = {
    "en": _("Change the language to English"),
    "cy": _("Change the language to Welsh"),
}


def _change_to(language):
    if language not in CHANGE_TO:
        return ""
    with translation.override(language):
        return str(CHANGE_TO[language])


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    links = language_links(context)
    current = translation.get_language()
    items = [
        {
            "code": language,
            "name": get_language_info(language)["name_local"],
            "change_to": _change_to(language),
            "href": links[language]["href"],
            "current": language == current,
        }
        for language, _name in settings.LANGUAGES
        if language in links
    ]
    return {"items": items if len(items) > 1 else []}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Each language's address of this very page, for <link rel="alternate" hreflang>; none when
    the page is in one language only."""
    request = context.get("request")
    links = language_links(context)
    exact = {language: link["href"] for language, link in links.items() if link["exact"]}
    if len(exact) < 2:
        return []
    return [
        {"code": language, "href": request.build_absolute_uri(href)}
        for language, href in exact.items()
    ]
