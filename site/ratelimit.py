"""A per-client limit on anonymous public forms, so a script cannot flood a queue with cases.

Clients are counted in the cache under a keyed hash of their address, never the address itself, and
each count expires with its window. Scopes ("journeys.submit", "journeys.upload", ...) keep separate
counts, so a resident busy with one form is not locked out of another.

TRUSTED_PROXY_COUNT is the number of our own proxies (load balancer, CDN) in front of the app. Only
the X-Forwarded-For entries they appended can be believed, as a client can send any header it likes;
with none (the default) the header is ignored and the connection's address is the client.
"""

import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_address(request):
    """The client's address as our nearest trusted proxy saw it."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        # Fewer entries than proxies means the request did not come the way we expect; the
        # connection's address is the only one the client could not have written.
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _canonical(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        # One IPv6 household or server is usually given a whole /64 and can use any address in
        # it, so the /64 is the client.
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_key(request):
    """An opaque key for the client, the same for every request from it; not reversible to an IP."""
    address = _canonical(client_address(request))
    return salted_hmac("townhall.ratelimit", address, algorithm="sha256").hexdigest()


def _key(scope, request):
    return f"ratelimit:{scope}:{client_key(request)}"


def hit(scope, request, limit, window_seconds):
    """Count one request in `scope`; False once the client has used up `limit` in the window."""
    key = _key(scope, request)
    # add() starts a window only if none is running; incr() leaves the running window's expiry.
    if cache.add(key, 0, timeout=window_seconds):
        _note_window_end(key, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ran out between add() and incr(): this request opens a new one.
        cache.set(key, 1, timeout=window_seconds)
        _note_window_end(key, window_seconds)
        count = 1
    return count <= limit


def _note_window_end(key, window_seconds):
    """When the window just started ends, for `seconds_left`."""
    cache.set(f"{key}:ends", time.time() + window_seconds, timeout=window_seconds)


def seconds_left(scope, request, window_seconds):
    """How long until the client's window in `scope` ends (for Retry-After); at most the window."""
    ends = cache.get(f"{_key(scope, request)}:ends")
    if ends is None:
        return window_seconds
    return max(1, min(window_seconds, math.ceil(ends - time.time())))
