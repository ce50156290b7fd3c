"""Tests: fast where speed costs no honesty (hasher, cache, tasks), production-like elsewhere."""

import os

from .base import *  # noqa: F403
from .base import (
    BASE_DIR,
    DEV_DIRECT_DEBIT_KEY,
    INSTALLED_APPS,
    REDIS_CACHE_BACKEND,
    REDIS_CACHE_OPTIONS,
    REDIS_URL,
)

# Page types that exist only in the test suite, to prove the seams sub-apps plug into.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
# A fixed key, not for production, so tests can read what they wrote.
DIRECT_DEBIT_KEYS = [DEV_DIRECT_DEBIT_KEY]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if REDIS_URL:
    # `make test-scale` runs the suite on a real Redis. Tests empty the cache, so each
    # pytest-xdist worker (gw0, gw1, ...) gets a Redis database of its own (1, 2, ...).
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    CACHES = {
        "default": {
            "BACKEND": REDIS_CACHE_BACKEND,
            "LOCATION": f"{REDIS_URL.rstrip('/')}/{worker % 15 + 1}",
            "KEY_PREFIX": "townhall-test",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
