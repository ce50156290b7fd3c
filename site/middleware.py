"""Middleware of the project's own."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

# What our forms are sent in: browsers send UTF-8 for a UTF-8 page, and ASCII is a part of it.
ACCEPTED_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})


class RefuseForeignCharsetMiddleware:
    """Answer 400 to a request body declared in another character set.

    Our pages are UTF-8 and browsers answer in kind, so a body declared "charset=utf-16" or
    "charset=no-such-thing" is a hand-made request. Django would try to decode it when a view
    reads request.POST (UnicodeDecodeError, LookupError) and fail again in its error page, which
    reads the body too: a server error for anyone who asks. First in the stack, before the CSRF
    check or the session read the body, the request is refused as what it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = (request.content_params or {}).get("charset")
        if charset and charset.strip().strip('"').lower() not in ACCEPTED_CHARSETS:
            return HttpResponseBadRequest(
                _("Send the form again from the page. Forms are read in UTF-8."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


# Browser features no page of ours uses: a page (or anything injected into it) may not ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy on every response (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class StaffSessionExpiryMiddleware:
    """Signs staff out after STAFF_SESSION_IDLE_SECONDS without a request (30 minutes).

    A signed-in member of staff sees residents' personal details, often at a shared desk; a
    resident's own session (a form in progress) keeps Django's SESSION_COOKIE_AGE. The time of a
    member of staff's last request is kept in their session, written at most once a minute and
    at once, before the view: a view that itself saves the session (Wagtail's preview renders a
    page in a request of its own) must not have its save overwritten by this one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        session = request.session
        now = int(time.time())
        last_seen = session.get(STAFF_LAST_SEEN)
        if last_seen is not None and now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS:
            logout(request)
            return
        if last_seen is None or now - last_seen >= LAST_SEEN_EVERY_SECONDS:
            modified = session.modified
            session[STAFF_LAST_SEEN] = now
            session.save()
            session.modified = modified


STAFF_LAST_SEEN = "townhall_staff_last_seen"
LAST_SEEN_EVERY_SECONDS = 60
