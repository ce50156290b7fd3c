"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see .env.example); the embedded
defaults need no services: SQLite, Wagtail's database search, local-memory cache, console email.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    """One idiom for reading the environment: empty counts as unset."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "home.alerts",
    "home.translations",
    "services",
    "services.feedback",
    "forms_app",
    "forms_app.journeys",
    "forms_app.cases",
    "forms_app.notifications",
    "forms_app.connectors",
    "forms_app.direct_debit",
    "forms_app.direct_debit.modulus",
    "forms_app.direct_debit.bacs",
    "forms_app.bookings",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_forms_gds",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

# Identical in every environment, tests included, so tests exercise what production runs.
MIDDLEWARE = [
    "townhall.middleware.RefuseForeignCharsetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page caches, so a page served from them carries the policy too.
    "townhall.csp.ContentSecurityPolicyMiddleware",
    "townhall.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, CSRF and messages middleware: they see the cookies those set on the way
    # out. The page cache answers anonymous visitors from what the front-cache middleware shares.
    "townhall.pagecache.PageCacheMiddleware",
    "townhall.frontcache.FrontCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "townhall.middleware.StaffSessionExpiryMiddleware",
    # Second factor: who has given one, then keeping those who must out of the admin until they do.
    "django_otp.middleware.OTPMiddleware",
    "townhall.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Finds a Wagtail page's site in the cache rather than the database (home/sites.py).
    "home.sites.CachedSiteRoutingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: answers a locked-out sign-in with the "locked" page (townhall/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "townhall.urls"
WSGI_APPLICATION = "townhall.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.chrome",
            ],
        },
    },
]

# A connection kept between requests (DATABASE_CONN_MAX_AGE seconds) is checked before a request
# reuses it: after PostgreSQL restarts or fails over, the first request each process serves gets a
# new connection rather than an error page.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# SQLite, the embedded default, is served by several threads or processes at once (`make run`,
# gunicorn without DATABASE_URL), and it lets one writer in at a time. Set up so that a writer
# waits its turn rather than failing with "database is locked":
# - WAL journal: readers and the writer no longer block each other.
# - IMMEDIATE transactions take the write lock as they begin. A transaction that begins by reading
#   (as saving a submission does: is this reference free?) and only then writes is refused at once
#   when another holds the lock, since waiting could deadlock; the busy timeout never applies.
# - timeout: how long a writer waits for the lock, in seconds; below gunicorn's 30 s worker timeout,
#   so a request that cannot get it ends in an error page, not a killed worker.
# - synchronous=FULL (WAL's cheaper NORMAL could lose the last commits in a power cut): a resident
#   shown a reference must find their case afterwards.
# Options given in DATABASE_URL (`sqlite:///...?timeout=5`) win.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
# Redis being down never fails a request: the cache then acts as an empty one (site/cache.py),
# and a Redis host that does not answer holds a request a second at most, not a TCP timeout.
REDIS_CACHE_BACKEND = "townhall.cache.TolerantRedisCache"
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": REDIS_CACHE_BACKEND,
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "townhall",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions live in the database (or Redis), never in a process, so app processes stay stateless.
# Django's own engines, but a database that cannot be reached shows the error page (site/sessions/).
SESSION_ENGINE = "townhall.sessions.cached_db" if REDIS_URL else "townhall.sessions.db"

# django-axes first: it refuses a locked-out sign-in before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in lockout: after AXES_FAILURE_LIMIT wrong passwords for one username from one client
# address (read as the rate limits read it, trusting TRUSTED_PROXY_COUNT proxies), that pair is
# refused for LOGIN_LOCKOUT_MINUTES; a right password before then clears the count.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(env("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
# Sign-in records (usernames, addresses, times) are personal data kept for investigating misuse:
# the daily `purge_expired_cases` run deletes those older than this many days.
SIGN_IN_RECORDS_DAYS = int(env("SIGN_IN_RECORDS_DAYS", "90"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "townhall.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "townhall.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# Wagtail's sign-in form names its field "username" whatever the user model calls it.
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English by default at /, Welsh at /cy/. Add a language here and it is served.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft, however live the English page is: it goes live when someone
# who may publish publishes it (wagtail-localize would otherwise put it live at once, untranslated).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Residents' uploads: never served by a URL, only through staff views that check case access.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private-media")))
# Proxies in front of the app whose X-Forwarded-For entries rate limits may trust (0: none).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# Each file a resident chooses is written to disk the moment they continue, before the form is
# sent: these cap the files one form stores in one session (a replaced file counts) and the files
# one address stores in an hour. A form asks for a few photos; a library computer serves several.
UPLOADS_PER_FORM = int(env("UPLOADS_PER_FORM", "10"))
# Pages of answers one address may send in an hour, across every form (staff assisting exempt):
# enough for long forms and changed answers, not for a script filling sessions.
JOURNEY_STEP_POSTS_PER_HOUR = int(env("JOURNEY_STEP_POSTS_PER_HOUR", "300"))
UPLOADS_PER_ADDRESS_PER_HOUR = int(env("UPLOADS_PER_ADDRESS_PER_HOUR", "30"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Editors' images and documents in an S3-compatible bucket instead of MEDIA_ROOT, so app servers
# share them without a shared disk (needs the `s3` extra: pip install -e '.[s3]'). Residents'
# uploads stay in PRIVATE_MEDIA_ROOT, which several app servers must then share (docs/scaling.md).
MEDIA_BUCKET = env("MEDIA_BUCKET")
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env("MEDIA_BUCKET_ENDPOINT_URL"),
            "region_name": env("MEDIA_BUCKET_REGION"),
            "custom_domain": env("MEDIA_BUCKET_DOMAIN"),
            # Editors' files are public; signed, expiring addresses would defeat the front cache.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Locations close on these bank holidays unless an editor says otherwise: ENG (England and Wales,
# the same days), WLS, SCT or NIR.
BANK_HOLIDAY_REGION = env("BANK_HOLIDAY_REGION", "ENG")
# The reception desk's service standard: residents called in within this many minutes of their
# appointment time count as seen on time.
BOOKINGS_SEEN_WITHIN_MINUTES = int(env("BOOKINGS_SEEN_WITHIN_MINUTES", "5"))
# Residents are reminded of their appointment this many hours before it
# (`manage.py send_booking_reminders`).
BOOKING_REMINDER_HOURS = int(env("BOOKING_REMINDER_HOURS", "24"))

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Townhall")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public site's address, for every link sent to residents (townhall/public_urls.py). Unset,
# WAGTAILADMIN_BASE_URL serves both.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff password reset queues its email, known address or not (site/password_reset.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "townhall.password_reset.QueuedPasswordResetForm"  # noqa: S105
# The name authenticator apps show beside a member of staff's codes (townhall/two_factor/).
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# One node's address, or a cluster's nodes separated by commas (the client spreads the load).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "townhall_"),
            "TIMEOUT": 5,
        }
    }
else:
    # Wagtail's database backend (search/backends.py: PostgreSQL's text search configuration named).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}

# The front cache (e.g. Varnish) keeps an anonymous visitor's public pages this many seconds at most
# (site/frontcache.py), and is emptied after every change when FRONTEND_CACHE_URL is set.
FRONT_CACHE_SECONDS = int(env("FRONT_CACHE_SECONDS", "600"))
# The cookies that change what an anonymous visitor sees: the page caches keep a copy per choice.
# deploy/varnish/townhall.vcl keeps the same two and drops every other cookie.
FRONT_CACHE_COOKIES = ["townhall_cookie_message_hidden", "townhall_hidden_alerts"]
# One front cache, or several (each Varnish server behind the load balancer) separated by commas:
# every one of them is purged.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        f"varnish{number}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
        for number, location in enumerate(env_list("FRONTEND_CACHE_URL"), start=1)
    }

# Background work: a database queue worked by `manage.py db_worker`. Dev and tests run it at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

NOTIFY_API_KEY = env("NOTIFY_API_KEY")
# GOV.UK Notify templates: an email with ((subject)) and ((body)), a text message with ((body)).
NOTIFY_EMAIL_TEMPLATE_ID = env("NOTIFY_EMAIL_TEMPLATE_ID")
NOTIFY_SMS_TEMPLATE_ID = env("NOTIFY_SMS_TEMPLATE_ID")
# Signs the JSON that queues send to other systems (X-Townhall-Signature: HMAC-SHA256).
WEBHOOK_SIGNING_KEY = env("WEBHOOK_SIGNING_KEY")
# Encrypt Direct Debit bank details at rest: Fernet keys, comma-separated, newest first (the newest
# encrypts, all decrypt; `manage.py rotate_direct_debit_keys` re-encrypts under the newest).
DIRECT_DEBIT_KEYS = env_list("DIRECT_DEBIT_KEYS")
# For development and tests only: production refuses to start with it (or with none).
DEV_DIRECT_DEBIT_KEY = "ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE="

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Townhall <no-reply@townhall.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
# Staff are signed out after this long without a request (residents' sessions keep
# SESSION_COOKIE_AGE, two weeks, for a form in progress).
STAFF_SESSION_IDLE_SECONDS = int(env("STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
# No script of ours reads the CSRF cookie (forms carry the token; Wagtail's admin has it in its
# config), so no script injected into a page can either.
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; site/csp.py adds the admin's allowances under /admin/). The
# same for every visitor, as the caches share pages: scripts only from this site, never inline.
# CSP_EXTRA_IMG_SRC: origins images may also come from (e.g. media in object storage).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env_list("CSP_EXTRA_IMG_SRC")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Staff pictures in the admin come from this site, never from Gravatar (no staff email addresses
# sent to a third party, and nothing outside the policy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The cookie that remembers a resident hid the cookie banner (an essential cookie, one year).
COOKIE_BANNER_COOKIE = "townhall_cookie_message_hidden"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Task runs and page saves log at INFO; keep the console for what needs attention.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
