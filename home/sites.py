"""Which site a request for a page is for, kept in the cache rather than asked of the database.

Wagtail routes each page request from its site's home page (`Page.route_for_request`): it finds the
site with a query that ranks every site by hostname and port, then asks the database which locale
is active, every request. Sites change almost never, so the site is kept in the cache under the
chrome's version, which every change to a site (or to its home page's place) bumps
(home/signal_handlers.py), and the active locale comes from home/locales.py. The route is then
found as Wagtail finds it and left on the request, where Wagtail looks for it first.

Without the cache (Redis down), each request asks the database, as Wagtail does.
"""

from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port

from wagtail import views as wagtail_views
from wagtail.models import Site

from townhall import versions

from .chrome import TIMEOUT, VERSION_KEY
from .locales import localized


def cached_site(request):
    """The Site for `request`, as `Site.find_for_request` would find it; None if none is."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"townhall:site:{versions.current(VERSION_KEY)}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            cache.set(key, site, TIMEOUT)
    return site


class CachedSiteRoutingMiddleware:
    """Routes a request for a Wagtail page from the cached site (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        site = cached_site(request)
        if site is None:
            return None  # Wagtail looks for itself, and answers 404
        request._wagtail_site = site
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        components = [component for component in path.split("/") if component]
        try:
            route = localized(site.root_page).specific.route(request, components)
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        return None
