"""A per-client limit on feedback, so a script cannot skew a page's numbers or fill the database.

Clients are counted by townhall.ratelimit: under a keyed hash of their address, never the address.
"""

from django.conf import settings

from townhall import ratelimit

SCOPE = "feedback"


def limit():
    return getattr(settings, "FEEDBACK_RATE_LIMIT", 10)


def window_seconds():
    return getattr(settings, "FEEDBACK_RATE_WINDOW", 10 * 60)


def allow(request):
    """Count this submission; False once the client has used up its allowance for the window."""
    return ratelimit.hit(SCOPE, request, limit(), window_seconds())
