"""The language switcher and hreflang alternates: the page a resident is on, in other languages.

A Wagtail page links to its own translation, or to its nearest translated ancestor when it has
none (the other language's home page at worst), as home/languages.py finds them. A view about a
page that has no language prefix (the feedback form on a page) gives its own links in the context
as `language_links`. Other views (cookies, check progress, search) swap the language prefix with
Django's `translate_url`.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.languages import home_url, route_in_language, translations_of

register = template.Library()


def _page_links(page, request):
    found = translations_of(page, request)
    own = found.get(translation.get_language(), {}).get("href")
    rest = request.path[len(own) :] if own and request.path.startswith(own) else ""
    if not rest:
        return found
    # A route inside the page (a guide's part, a form's question) goes to the same route in the
    # translation, as the page type says it is called there.
    return {
        language: route_in_language(page, link, rest, language) for language, link in found.items()
    }


def language_links(context):
    """{language: {"href", "exact"}} for this request, worked out once per request."""
    request = context.get("request")
    if request is None:
        return {}
    if not hasattr(request, "_townhall_language_links"):
        page = context.get("page")
        if isinstance(context.get("language_links"), dict):
            links = context["language_links"]
        elif "exception" in context:
            # An error page (404, 403): there is nothing here in any language but the home page.
            links = {
                language: {"href": home_url(language), "exact": False}
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
