"""Cross-site request forgery checks for the small anonymous forms every public page carries.

"Is this page useful?", "What went wrong?", "Hide cookie message" and "Hide this alert" are on pages
the front cache keeps for every visitor, so they cannot hold a per-visitor CSRF token. They act on
no one's authority (no account, no session: they record an anonymous answer or set a cookie on the
browser that sends them), and each is rate limited or harmless, so the token buys nothing there.
They are still refused when the browser says the form came from another site: every current
browser sends `Sec-Fetch-Site` (and `Origin`, or at least `Referer`) with a form post. A request
that says nothing of where it came from is not from a browser a forger could use, and is let in.
Every other form keeps Django's token.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt

FROM_THIS_SITE = frozenset({"same-origin", "none"})


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else None


def _this_site(request):
    trusted = {origin.lower().rstrip("/") for origin in settings.CSRF_TRUSTED_ORIGINS}
    trusted.add(f"{request.scheme}://{request.get_host()}".lower())
    return trusted


def comes_from_this_site(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in FROM_THIS_SITE
    said = request.headers.get("Origin") or request.headers.get("Referer")
    if not said:
        return True
    return _origin_of(said) in _this_site(request)


def same_site_form(view):
    """Accept a POST to `view` without a CSRF token, but only from this site's own pages."""

    @csrf_exempt
    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and not comes_from_this_site(request):
            return csrf_failure(request, reason="The form was sent from another site.")
        return view(request, *args, **kwargs)

    return checked
