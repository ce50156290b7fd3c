"""Django set up as the stack's app processes are (var/stack/env, written by `make stack`), so a
benchmark can prepare data in the stack's own PostgreSQL and Redis before loading it over HTTP."""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# STACK_ENV points at another stack's env file (a copy of the stack on a database of one's own).
ENV = Path(os.environ.get("STACK_ENV", ROOT / "var" / "stack" / "env"))


def setup():
    if not ENV.exists():
        raise SystemExit("var/stack/env is missing: start the stack with `make stack` first")
    for line in ENV.read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            os.environ[name] = value
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def signed_in_cookie(user):
    """A session cookie for `user`, made as the sign-in form would (second factor included when
    the site asks for one), so wrk can load staff pages without a browser."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    from townhall.middleware import STAFF_LAST_SEEN

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    # The backend that signs people in (django-axes' comes first but only counts failures).
    store[BACKEND_SESSION_KEY] = next(
        path
        for path in settings.AUTHENTICATION_BACKENDS
        if hasattr(import_string(path), "get_user")
    )
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[STAFF_LAST_SEEN] = int(time.time())
    if "django_otp" in settings.INSTALLED_APPS:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="bench", defaults={"confirmed": True}
        )
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"
