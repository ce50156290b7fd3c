"""The shared cache keeps one Redis client per connection pool, rather than building one (and its
table of reply parsers) for every call: a page answered from the cache or a form sent makes
several calls."""

from townhall.cache import TolerantRedisCache


def test_each_cache_call_reuses_the_client_of_its_pool():
    # No server is needed to make clients: they connect on their first command.
    cache = TolerantRedisCache("redis://127.0.0.1:1", {"OPTIONS": {}})
    client = cache._cache.get_client("a-key")

    assert cache._cache.get_client("another-key") is client
    assert cache._cache.get_client("a-key", write=True) is client
    assert client.connection_pool is cache._cache._get_connection_pool(False)
