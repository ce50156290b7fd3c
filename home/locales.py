"""Cheap answers to "which locale is active?", asked many times a page (every link to a page).

Wagtail's `page.localized` looks the active Locale up in the database each time it is used. Locales
change almost never, so their ids are kept in the cache; `localized()` only asks Wagtail (and the
database) when the page really is in another language.
"""

from django.core.cache import cache
from django.utils import translation

from wagtail.models import Locale

CACHE_KEY = "townhall:locale-ids"


def active_locale_id():
    ids = cache.get(CACHE_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(CACHE_KEY, ids, 60 * 60)
    language = translation.get_language() or ""
    return ids.get(language) or ids.get(language.split("-")[0])


def forget_locales(**kwargs):
    cache.delete(CACHE_KEY)


def localized(page):
    """The page in the active language: the page itself, or its translation if there is one."""
    if page.locale_id == active_locale_id():
        return page
    return page.localized
