"""Version counters in the shared cache: bumping one makes every entry keyed under it stale at once,
in every app process, without finding and deleting the entries."""

from django.core.cache import cache


def current(key):
    return cache.get_or_set(key, 1, timeout=None)


def bump(key):
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (evicted, or never read): start again
        cache.set(key, 1, timeout=None)
