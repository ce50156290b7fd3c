"""The public site's address, for every link sent to residents.

Emails, text messages, the printed slip and "Save and come back later" links reach residents away
from the page they were on, so they carry the whole address. It is one setting,
`PUBLIC_BASE_URL` (from the environment), and not the address a request happened to arrive at: a
form sent through an internal host name or a staff machine at reception must not send residents
a link they cannot open. `WAGTAILADMIN_BASE_URL` is the admin's address, for links to staff;
where the two are one site, setting it alone serves both. Without either (development), the
default Wagtail site's root is used.
"""

from django.conf import settings

from wagtail.models import Site


def public_base_url():
    """The public site's address without a trailing slash, e.g. "https://www.council.example"."""
    configured = getattr(settings, "PUBLIC_BASE_URL", None) or getattr(
        settings, "WAGTAILADMIN_BASE_URL", None
    )
    if configured:
        return configured.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


def public_url(path):
    """`path` ("/check-progress/") as the whole address residents can open; a whole address
    (an editor's link to another site) is returned as it is."""
    if not path.startswith("/") or path.startswith("//"):
        return path
    return public_base_url() + path


def admin_url(path):
    """`path` in the admin's site, for links in messages to staff."""
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", None) or public_base_url()).rstrip("/")
    return base + path
