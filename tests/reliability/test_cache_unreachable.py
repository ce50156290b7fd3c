"""The Redis cache backend with no Redis to talk to (a port where nothing listens): every
operation the site uses answers as an empty cache would, at once, and logs a warning."""

import socket
import time

from django.conf import settings as django_settings
from django.core.cache import caches

import pytest

from townhall import ratelimit, versions

WARNING = "Cache unavailable (ConnectionError in"


@pytest.fixture
def unreachable_cache(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": settings.REDIS_CACHE_BACKEND,
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }
    return caches["default"]


def test_every_operation_acts_as_an_empty_cache(unreachable_cache, caplog):
    cache = unreachable_cache
    started = time.monotonic()
    assert cache.get("page") is None
    assert cache.get("page", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("page") is False
    assert cache.add("page", 1) is False
    assert cache.set("page", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.touch("page") is False
    assert cache.get_or_set("version", 1) == 1
    with pytest.raises(ValueError, match="not found"):
        cache.incr("count")
    assert cache.delete("page") is False
    assert cache.delete_many(["a", "b"]) is None
    assert cache.clear() is False
    assert time.monotonic() - started < 10
    assert WARNING in caplog.text


def test_rate_limits_fail_open_and_versions_carry_on(unreachable_cache, rf, caplog):
    request = rf.post("/form/", REMOTE_ADDR="203.0.113.9")
    # Nothing can be counted, so the limit lets every request through, and says so in the log.
    assert all(ratelimit.hit("journey-submit", request, 1, 3600) for _ in range(5))
    assert "rate limits are not counted" in caplog.text
    assert versions.current("townhall:pages:version") == 1
    versions.bump("townhall:pages:version")


def test_production_settings_use_the_tolerant_backend_with_timeouts():
    assert django_settings.REDIS_CACHE_BACKEND == "townhall.cache.TolerantRedisCache"
    assert django_settings.REDIS_CACHE_OPTIONS["socket_connect_timeout"] <= 1
    assert django_settings.REDIS_CACHE_OPTIONS["socket_timeout"] <= 1
