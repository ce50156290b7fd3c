"""What the shared page chrome (templates/base.html) needs on every request."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from wagtail.models import Site


def _service_navigation(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized
    items = []
    for page in home.get_children().live().public().in_menu().specific(defer=True):
        url = page.get_url(request=request)
        items.append(
            {"text": page.title, "href": url, "active": request.path.startswith(url or "//")}
        )
    return items


def chrome(request):
    return {
        "service_navigation": SimpleLazyObject(lambda: _service_navigation(request)),
        "show_cookie_banner": settings.COOKIE_BANNER_COOKIE not in request.COOKIES,
    }
