"""What the shared cache holds, read straight from whichever backend the run uses."""

from django.core.cache import cache


def cache_contents() -> bytes:
    """Every key and stored value in the default cache, joined: for asserting what is never kept.

    The local-memory cache (the embedded default) and Redis (`make test-scale`) are both read
    for real, so a test that says "the cache never holds X" holds on either.
    """
    backend = cache._cache  # noqa: SLF001 - the point is to look beneath the API
    if hasattr(backend, "get_client"):
        client = backend.get_client()
        return b"".join(key + (client.get(key) or b"") for key in client.scan_iter())
    return b"".join(key.encode() + value for key, value in backend.items())
