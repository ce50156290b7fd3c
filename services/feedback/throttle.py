"""A per-client limit on feedback, so a script cannot skew a page's numbers or fill the database.

Clients are counted in the cache under a keyed hash of their IP address: the address itself is never
written anywhere, and the count expires with the window.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def limit():
    return getattr(settings, "FEEDBACK_RATE_LIMIT", 10)


def window_seconds():
    return getattr(settings, "FEEDBACK_RATE_WINDOW", 10 * 60)


def client_address(request):
    """The resident's address as our own proxies saw it.

    Only the entries our proxies appended to X-Forwarded-For can be trusted (a client can send any
    header it likes), so FEEDBACK_TRUSTED_PROXY_COUNT says how many there are; with none, the
    connection's address is the client.
    """
    proxies = getattr(settings, "FEEDBACK_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(request):
    """Count this submission; False once the client has used up its allowance for the window."""
    digest = salted_hmac("feedback.throttle", client_address(request)).hexdigest()
    key = f"feedback:rate:{digest}"
    # add() starts the window only if it is not already running; incr() keeps its expiry.
    cache.add(key, 0, timeout=window_seconds())
    try:
        count = cache.incr(key)
    except ValueError:
        # The window expired between add() and incr(): this is the first submission of a new one.
        cache.set(key, 1, timeout=window_seconds())
        count = 1
    return count <= limit()
