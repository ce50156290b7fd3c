"""Production: secrets and hosts come from the environment; it refuses to start without them."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEV_DIRECT_DEBIT_KEY, DIRECT_DEBIT_KEYS, SECRET_KEY, env, env_bool

if not SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "change-me")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value (50+ characters) in production."
    )
if not DIRECT_DEBIT_KEYS or DEV_DIRECT_DEBIT_KEY in DIRECT_DEBIT_KEYS:
    raise ImproperlyConfigured(
        "DIRECT_DEBIT_KEYS must list the Fernet keys that encrypt bank details in production "
        "(newest first), and never the development key."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS-only flags live here rather than in base: the test live server speaks plain HTTP.
# HTTPS=false is for `make stack` alone, which runs these settings on loopback with no TLS in
# front: no redirect to https, no HSTS, cookies not marked Secure. Never set it on a real site.
HTTPS = env_bool("HTTPS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Says the site may join browsers' HTTPS-only preload list (as gov.uk's domains are); it joins
# only when the council submits the domain. SECURE_HSTS_PRELOAD=false leaves the word out.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# Behind the load balancer every request comes from the proxy: the rate limits read the client's
# address from X-Forwarded-For, trusting as many hops as there are proxies in front of the app.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")  # noqa: F405
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)
