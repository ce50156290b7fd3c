"""The app's side of the front cache (Varnish, deploy/varnish/townhall.vcl).

Varnish may keep a response for everyone only when the app says so. A response is shareable when it
is a public page served to an anonymous visitor with no session, it sets no cookie, and the page
type allows it (`front_cache = False` opts out, as online forms do). Then it carries
`Cache-Control: public, max-age=0, s-maxage=N` and `Vary: Cookie` (the VCL strips every cookie but
the two that change an anonymous page: the cookie banner hidden and alerts hidden); anything else
carries `private`, so no shared cache stores it. Browsers always ask again (max-age=0).

N is `FRONT_CACHE_SECONDS` (10 minutes), or less where a page says what it shows goes stale
sooner: "Open now" (a minute), an alert due to start or end. Changes editors make do not wait for
N: every publish, unpublish, move or delete, and every save of an alert or the council's details,
empties the front cache (`purge_everything`), since one change shows on many pages (menus, lists,
"Part of", the A to Z).
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.utils.cache import patch_cache_control, patch_vary_headers

from django_tasks import task

from .pagecache import forget_every_page

logger = logging.getLogger(__name__)

SHAREABLE_METHODS = frozenset({"GET", "HEAD"})


def allow_sharing(request):
    """Called as a public page is served: its response may be kept for every anonymous visitor."""
    request.front_cache_public = True


def expires_within(request, seconds):
    """What this response shows is right for `seconds` at most ("Open now", a timed alert)."""
    seconds = max(0, int(seconds))
    current = getattr(request, "front_cache_seconds", None)
    request.front_cache_seconds = seconds if current is None else min(current, seconds)


def is_shareable(request, response):
    if request.method not in SHAREABLE_METHODS or response.status_code != 200:
        return False
    if not getattr(request, "front_cache_public", False) or response.cookies:
        return False
    if getattr(request, "front_cache_seconds", 1) <= 0:
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.session_key or session.modified):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class FrontCacheMiddleware:
    """Says on every response whether a shared cache may keep it (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if is_shareable(request, response):
            seconds = min(
                settings.FRONT_CACHE_SECONDS,
                getattr(request, "front_cache_seconds", settings.FRONT_CACHE_SECONDS),
            )
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
            patch_vary_headers(response, ["Cookie"])
            request.front_cache_shared_for = seconds  # PageCacheMiddleware keeps it as long
        else:
            patch_cache_control(response, private=True)
        return response


class BanRequest(Request):
    def get_method(self):
        return "BAN"


def front_cache_locations():
    backends = getattr(settings, "WAGTAILFRONTENDCACHE", {}) or {}
    return [options["LOCATION"] for options in backends.values() if "LOCATION" in options]


@task()
def purge_everything_task():
    """Ask each front cache to drop every page (the VCL answers BAN from the app processes)."""
    for location in front_cache_locations():
        parts = urlsplit(location)
        url = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
        try:
            with urlopen(BanRequest(url), timeout=5):  # noqa: S310 - the configured cache's URL
                pass
        except (URLError, OSError) as error:
            # The cache keeps pages at most FRONT_CACHE_SECONDS: stale for minutes, not forever.
            logger.error("Could not empty the front cache at %s: %s", location, error)


def _forget_and_purge():
    forget_every_page()
    if front_cache_locations():
        purge_everything_task.enqueue()


def purge_everything(**kwargs):
    """Empty the app's page cache and the front cache (a signal receiver, hence **kwargs).

    At once, and again once the change is committed: until then another request could keep the
    old page again.
    """
    forget_every_page()
    transaction.on_commit(_forget_and_purge)
