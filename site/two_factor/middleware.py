"""Keeps staff who need a second factor (policy.py) out of the admin until they have given one."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from .policy import has_device, is_verified, needs_two_factor

# Admin pages a signed-in member of staff may reach before the second factor: signing in and
# out, resetting a password, the admin's translations and icons (every admin page, these two
# included, loads them) and the two-factor pages themselves.
OPEN_BEFORE_SECOND_FACTOR = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "two_factor:set_up",
        "two_factor:verify",
    }
)


def _url_name(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return match.view_name


class TwoFactorMiddleware:
    """After django_otp's OTPMiddleware: sends an unverified member of staff who needs a second
    factor to enter a code (or to set up their app first), then back where they were going."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and request.path_info.startswith("/admin/")
            # Verified first: it reads the session's device (one query), while telling who needs
            # a second factor reads the user's permissions.
            and not is_verified(user)
            and needs_two_factor(user)
            and _url_name(request) not in OPEN_BEFORE_SECOND_FACTOR
        ):
            step = "two_factor:verify" if has_device(user) else "two_factor:set_up"
            query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
            return HttpResponseRedirect(reverse(step) + (f"?{query}" if query else ""))
        return self.get_response(request)
