"""Local development: `make run`. Debug on, tasks run at once, static files served from finders."""

import contextlib

from .base import *  # noqa: F403
from .base import DEV_DIRECT_DEBIT_KEY, env, env_list

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# The fixed development key (not for production) unless the environment gives keys.
DIRECT_DEBIT_KEYS = env_list("DIRECT_DEBIT_KEYS", DEV_DIRECT_DEBIT_KEY)

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# An optional, git-ignored local.py overrides anything above on one machine.
with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
