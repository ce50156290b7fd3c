"""Views that are not Wagtail pages: cookies, and the endpoints operations and robots ask for."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from townhall.origin import same_site_form
from townhall.public_urls import public_base_url
from townhall.redirects import redirect_back
from townhall.too_many import SMALL_FORM_POSTS, SMALL_FORM_WINDOW_SECONDS, limit_posts

from .alerts.cookies import HIDDEN_ALERTS_COOKIE

ONE_YEAR = 365 * 24 * 60 * 60


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 when this process can reach its database, 503 when it cannot."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except DatabaseError:
        database = "unavailable"
    healthy = database == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", "database": database},
        status=200 if healthy else 503,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /cy/search/",
        # The sitemap's own address, as the sitemap writes every other: at the configured address.
        f"Sitemap: {public_base_url()}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def cookies(request):
    context = {
        "cookie_banner_cookie": settings.COOKIE_BANNER_COOKIE,
        "hidden_alerts_cookie": HIDDEN_ALERTS_COOKIE,
    }
    return render(request, "home/cookies.html", context)


@same_site_form
@limit_posts("cookies.hide", SMALL_FORM_POSTS, SMALL_FORM_WINDOW_SECONDS)
@require_POST
def hide_cookie_message(request):
    """The banner's 'Hide this message' button is a form, so it works without JavaScript."""
    response = redirect_back(request.POST.get("next"))
    response.set_cookie(
        settings.COOKIE_BANNER_COOKIE,
        "1",
        max_age=ONE_YEAR,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response
