"""Where a form may send someone back to: a path on this site, never anywhere else.

Forms that work without JavaScript (hide the cookie message, hide an alert, page feedback, start
or stop helping a resident) post a `next` field saying where to return to. Anyone can send any
value there, so only a path on this site ("/bins/?page=2") is followed; anything else (another
site, "//evil.example", "javascript:", a bare word such as "healthz", a path with a control
character in it such as a line break, which browsers and urlsplit() silently drop) sends them home
instead.
"""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def local_path(candidate, default="/"):
    """`candidate` if it is a path on this site, otherwise `default`."""
    if (
        isinstance(candidate, str)
        and candidate.startswith("/")
        and not candidate.startswith(("//", "/\\"))
        and not any(ord(character) < 32 or ord(character) == 127 for character in candidate)
        and url_has_allowed_host_and_scheme(candidate, allowed_hosts=set())
    ):
        return candidate
    return default


def redirect_back(candidate, default="/"):
    """A redirect to `candidate` if it is a path on this site, otherwise to `default`.

    Unlike django.shortcuts.redirect, a value is never looked up as the name of a URL pattern,
    which would turn a mistyped or hostile value into a server error."""
    return HttpResponseRedirect(local_path(candidate, default))
