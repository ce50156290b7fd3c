"""The shared cache (Redis) as the site uses it: a help when it is there, never a cause of errors.

Everything the site keeps in the cache can be had without it: a page is rendered afresh, a
session is read from the database (`cached_db`), a version counter starts again. So when Redis is
stopped, full or unreachable, each cache call logs a warning and carries on as if the cache were
empty: a read finds nothing, a write keeps nothing, `incr` finds no count (callers start again).

What that means where the cache decides something:
- The page cache (townhall/pagecache.py) fails open: every visitor gets a freshly rendered page.
- Rate limits (townhall/ratelimit.py) fail open: no count can be kept, so none is enforced until
  Redis is back. A resident must be able to report a missed bin while Redis is being restarted;
  the warnings in the log say the limits are off.
- A change published while Redis is down cannot make the kept pages stale (townhall/versions.py).
  A Redis that comes back empty (as `.ci/redis` and the stack run it, saving nothing) holds none;
  one that kept its data may serve pages from before the change until they expire
  (FRONT_CACHE_SECONDS, ten minutes at most).
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _warn(operation, error):
    logger.warning(
        "Cache unavailable (%s in %s): carrying on without it; pages are rendered afresh "
        "and rate limits are not counted until it is back.",
        type(error).__name__,
        operation,
    )


def _tolerantly(operation, fallback, call, *args):
    try:
        return call(*args)
    except RedisError as error:
        _warn(operation, error)
        return fallback


class _ClientPerPool(RedisCacheClient):
    """Django's Redis client, keeping one redis-py client for each connection pool.

    Django makes a new redis-py client for every cache call, and each one builds its table of
    reply parsers (a few hundred entries): about a millisecond of CPU per page answered from the
    cache, or per form sent, for nothing. A client only wraps its pool and is safe to share.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    """Django's Redis cache, which treats Redis being unavailable as an empty cache."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientPerPool

    def get(self, key, default=None, version=None):
        return _tolerantly("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return _tolerantly("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return _tolerantly("has_key", False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return _tolerantly("add", False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        _tolerantly("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # What was not stored, as Django's contract says.
        return _tolerantly("set_many", list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return _tolerantly("touch", False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            _warn("incr", error)
            # As for a key that is not there: the caller starts a new count, which is not kept.
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)") from error

    def delete(self, key, version=None):
        return _tolerantly("delete", False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        _tolerantly("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return _tolerantly("clear", False, super().clear)
