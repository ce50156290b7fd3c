"""The app's own copy of what the front cache may keep: public pages for anonymous visitors.

Without a front cache in front (one app server, or a request Varnish passed on), a public page
would be rendered afresh for every visitor though it is the same for all of them. So a response
`FrontCacheMiddleware` marks shareable is also kept in Django's cache (Redis when `REDIS_URL` is
set, shared by every app process), under its address and the two cookie choices that change an
anonymous page (`FRONT_CACHE_COOKIES`), for as long as the front cache may keep it. A visitor with
a session cookie (staff, a form in progress) is never answered from it.

Every change that empties the front cache makes a new version here too (`forget_every_page`), so
an editor's change is on every app server at once; so does any save of a page's row, published or
not (a draft saved, a page changed by a command), since this cache is cheap to refill.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import versions

VERSION_KEY = "townhall:pages:version"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary", "X-Frame-Options")


def forget_every_page(**kwargs):
    """Make every kept page stale (also a signal receiver, hence **kwargs)."""
    versions.bump(VERSION_KEY)


def _key(request):
    version = versions.current(VERSION_KEY)
    choices = "|".join(
        f"{name}={request.COOKIES.get(name, '-')}" for name in settings.FRONT_CACHE_COOKIES
    )
    address = f"{request.get_host()}{request.get_full_path()}|{choices}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"townhall:page:{version}:{digest}"


def _may_answer(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


class PageCacheMiddleware:
    """Answers an anonymous GET from the kept copy, and keeps what FrontCacheMiddleware shares."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_answer(request):
            return self.get_response(request)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            status, headers, content = kept
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        seconds = getattr(request, "front_cache_shared_for", None)
        if seconds and request.method == "GET" and not response.streaming:
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            cache.set(key, (response.status_code, headers, response.content), timeout=seconds)
        return response
