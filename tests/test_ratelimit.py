from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory

import pytest

from tests.cache_contents import cache_contents
from townhall import ratelimit
from townhall.ratelimit import client_address, client_key, hit


def settings_redis_url():
    return bool(getattr(settings, "REDIS_URL", ""))


def _request(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/journeys/report-a-missed-bin/", **extra)


@pytest.fixture
def no_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_allows_the_limit_then_refuses(no_proxies):
    request = _request()

    assert [hit("journeys.submit", request, limit=3, window_seconds=60) for _ in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_scopes_are_counted_separately(no_proxies):
    request = _request()
    for _ in range(2):
        hit("journeys.submit", request, limit=2, window_seconds=60)

    assert not hit("journeys.submit", request, limit=2, window_seconds=60)
    assert hit("journeys.upload", request, limit=2, window_seconds=60)


def test_clients_are_counted_separately(no_proxies):
    for _ in range(2):
        hit("journeys.submit", _request("203.0.113.7"), limit=2, window_seconds=60)

    assert not hit("journeys.submit", _request("203.0.113.7"), limit=2, window_seconds=60)
    assert hit("journeys.submit", _request("198.51.100.20"), limit=2, window_seconds=60)


def test_a_new_window_starts_when_the_old_one_ends(no_proxies):
    request = _request()
    for _ in range(2):
        hit("journeys.submit", request, limit=2, window_seconds=60)
    cache.delete(f"ratelimit:journeys.submit:{client_key(request)}")  # as expiry would

    assert hit("journeys.submit", request, limit=2, window_seconds=60)


def test_a_window_that_expires_between_add_and_incr_starts_again(no_proxies, monkeypatch):
    def incr_after_expiry(key, delta=1):
        raise ValueError("Key not found")

    monkeypatch.setattr(ratelimit.cache, "incr", incr_after_expiry)

    assert hit("journeys.submit", _request(), limit=1, window_seconds=60)


def test_spoofed_forwarded_for_is_ignored_without_trusted_proxies(no_proxies):
    honest = _request("203.0.113.7")
    spoofed = [_request("203.0.113.7", forwarded=f"10.0.0.{n}") for n in range(5)]

    assert client_address(spoofed[0]) == "203.0.113.7"
    assert {client_key(request) for request in spoofed} == {client_key(honest)}
    for request in spoofed[:2]:
        hit("journeys.submit", request, limit=2, window_seconds=60)
    assert not hit("journeys.submit", spoofed[2], limit=2, window_seconds=60)


def test_setting_absent_means_no_trusted_proxies(settings):
    if hasattr(settings, "TRUSTED_PROXY_COUNT"):
        del settings.TRUSTED_PROXY_COUNT

    assert client_address(_request("192.0.2.1", forwarded="10.0.0.1")) == "192.0.2.1"


def test_one_trusted_proxy_uses_the_address_it_appended(one_proxy):
    # Our proxy (the connection) appends the address it saw; the client wrote everything before it.
    spoofed = _request("192.0.2.1", forwarded="10.9.9.9, 203.0.113.7")

    assert client_address(spoofed) == "203.0.113.7"
    assert client_key(spoofed) == client_key(_request("192.0.2.1", forwarded="203.0.113.7"))


def test_one_trusted_proxy_cannot_be_escaped_by_changing_the_spoofed_part(one_proxy):
    for n in range(2):
        hit("journeys.submit", _request("192.0.2.1", f"10.0.0.{n}, 203.0.113.7"), 2, 60)

    assert not hit("journeys.submit", _request("192.0.2.1", "10.0.0.99, 203.0.113.7"), 2, 60)
    assert hit("journeys.submit", _request("192.0.2.1", "10.0.0.1, 198.51.100.20"), 2, 60)


def test_one_trusted_proxy_without_the_header_falls_back_to_the_connection(one_proxy):
    assert client_address(_request("192.0.2.1")) == "192.0.2.1"
    assert client_address(_request("192.0.2.1", forwarded=" , ")) == "192.0.2.1"


def test_two_trusted_proxies_count_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    request = _request("192.0.2.1", forwarded="10.9.9.9, 203.0.113.7, 192.0.2.50")

    assert client_address(request) == "203.0.113.7"


def test_the_key_is_a_hash_not_the_address(no_proxies, settings):
    request = _request("203.0.113.7")
    key = client_key(request)

    assert len(key) == 64
    assert "203.0.113.7" not in key
    settings.SECRET_KEY = "another-key"
    assert client_key(request) != key


def test_the_cache_never_holds_the_address(no_proxies):
    hit("journeys.submit", _request("203.0.113.7"), limit=5, window_seconds=60)

    cached = cache_contents()
    assert b"ratelimit:journeys.submit" in cached
    assert b"203.0.113.7" not in cached


def test_ipv6_clients_are_counted_by_their_64(no_proxies):
    first = _request("2001:db8:1:2::1")
    same_network = _request("2001:db8:1:2:ffff::9")
    other_network = _request("2001:db8:1:3::1")

    assert client_key(first) == client_key(same_network)
    assert client_key(first) != client_key(other_network)


def test_ipv4_mapped_addresses_count_as_the_ipv4_address(no_proxies):
    assert client_key(_request("::ffff:203.0.113.7")) == client_key(_request("203.0.113.7"))


def test_a_forwarded_value_that_is_not_an_address_still_gets_a_key(one_proxy):
    # Some proxies append "address:port"; such a client is still counted, just not canonicalised.
    request = _request("192.0.2.1", forwarded="203.0.113.7:51234")

    assert client_key(request) == client_key(_request("192.0.2.1", forwarded="203.0.113.7:51234"))
    assert client_key(request) != client_key(_request("192.0.2.1", forwarded="203.0.113.8:51234"))


# Another app process: its own interpreter, the same settings, counting three requests.
OTHER_PROCESS = """
import django
django.setup()
from django.test import RequestFactory
from townhall.ratelimit import hit
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.99")
print([hit("shared-test", request, 3, 60) for _ in range(3)])
"""


@pytest.mark.skipif(
    not settings_redis_url(), reason="needs REDIS_URL: make test-scale runs it on a real Redis"
)
def test_every_app_process_counts_against_one_limit_on_redis(no_proxies):
    """Behind a load balancer a client's requests reach different processes; with Redis as the
    cache they all count towards one limit (the local-memory default counts per process)."""
    import os
    import subprocess
    import sys

    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "townhall.settings.test"}
    other = subprocess.run(  # noqa: S603 - our own script, with this interpreter
        [sys.executable, "-c", OTHER_PROCESS],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert other.stdout.strip() == "[True, True, True]"
    # This process has counted nothing itself, yet the client has used the whole limit.
    assert hit("shared-test", _request(remote="203.0.113.99"), 3, 60) is False
