"""What the shared page chrome (templates/base.html) needs on every request."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .chrome import get_chrome


def _service_navigation(request, council):
    return [
        {**item, "active": bool(item["href"]) and request.path.startswith(item["href"])}
        for item in council["nav"]
    ]


def chrome(request):
    council = SimpleLazyObject(lambda: get_chrome(request))
    return {
        "council": council,
        "service_navigation": SimpleLazyObject(lambda: _service_navigation(request, council)),
        "show_cookie_banner": settings.COOKIE_BANNER_COOKIE not in request.COOKIES,
    }
