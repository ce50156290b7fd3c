"""Which site and page a request for a page is for, kept in the cache rather than asked of the
database each time.

Wagtail routes each page request from its site's home page (`Page.route_for_request`): it finds the
site with a query that ranks every site by hostname and port, asks the database which locale is
active and loads the home page's own model; our home page then finds the page by its address
(home/routing.py: the path, then the page). Sites and pages change only when editors change them,
so:

- the site is kept under the chrome's version, which every change to a site (or to its home page's
  place) bumps (home/signal_handlers.py), and the active locale comes from home/locales.py;
- the page an address leads to, with its ancestors, is kept under the page cache's version, which
  any save of any page, and every publish, move or deletion, bumps (townhall/pagecache.py). What is
  left of the address (a form's step) is routed by the page itself, as before, and its privacy
  settings are still read every request (Wagtail's `before_serve_page` check).

The route is left on the request, where Wagtail looks for it first. Without the cache (Redis
down), each request asks the database, as Wagtail does.
"""

import hashlib

from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port

from wagtail import views as wagtail_views
from wagtail.models import Site

from townhall import pagecache, versions

from .chrome import TIMEOUT, VERSION_KEY
from .locales import localized
from .routing import PathRoutingMixin, route_target


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
            route = _route(request, localized(site.root_page), components)
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        return None


def _route(request, home, components):
    if not components or not issubclass(home.specific_class, PathRoutingMixin):
        return home.specific.route(request, components)
    address = hashlib.sha256("/".join(components).encode()).hexdigest()
    key = f"townhall:route:{versions.current(pagecache.VERSION_KEY)}:{home.pk}:{address}"
    found = cache.get(key)
    if found is None:
        found = route_target(home, components)
        if found is None:
            return home.specific.route(request, components)  # Wagtail's way, to its 404
        # Kept as it is now, before routing the rest of the address changes anything on it.
        cache.set(key, found, TIMEOUT)
    page, taken = found
    return page.route(request, components[taken:])
