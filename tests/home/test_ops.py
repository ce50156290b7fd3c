"""Endpoints that load balancers, crawlers and operations rely on."""

import json
import os
import secrets
import subprocess
import sys
import textwrap

from django.conf import settings

import pytest
from cryptography.fernet import Fernet

from tests.csp_check import directives
from tests.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


# Production refuses to start without keys for Direct Debit bank details.
DIRECT_DEBIT_KEYS = Fernet.generate_key().decode()


def _run_django(code, **env):
    """Run `code` in a fresh Python process with Django set up from the given environment."""
    script = "import django; django.setup()\n" + textwrap.dedent(code)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_cannot_be_reached():
    # A real PostgreSQL address where nothing listens: the process cannot reach its database.
    result = _run_django(
        """
        from django.test import Client
        response = Client().get("/healthz")
        print(response.status_code, response.content.decode())
        """,
        DJANGO_SETTINGS_MODULE="townhall.settings.test",
        DATABASE_URL="postgres://townhall@127.0.0.1:9/townhall",
    )
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body) == {"status": "unhealthy", "database": "unavailable"}


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages(client, service_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/bins-and-recycling/report-a-missed-bin/</loc>" in body


def test_sitemap_leaves_out_unpublished_pages(client, service_page):
    service_page.unpublish()
    assert "report-a-missed-bin" not in client.get("/sitemap.xml").content.decode()


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_django(
        "",
        DJANGO_SETTINGS_MODULE="townhall.settings.production",
        DIRECT_DEBIT_KEYS=DIRECT_DEBIT_KEYS,
        SECRET_KEY="",
        ALLOWED_HOSTS="council.example",
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_direct_debit_keys_or_with_the_dev_key():
    for keys in ("", settings.DEV_DIRECT_DEBIT_KEY):
        result = _run_django(
            "",
            DJANGO_SETTINGS_MODULE="townhall.settings.production",
            DIRECT_DEBIT_KEYS=keys,
            SECRET_KEY="x" * 60,
            ALLOWED_HOSTS="council.example",
        )
        assert result.returncode != 0
        assert "DIRECT_DEBIT_KEYS must list" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run_django(
        "",
        DJANGO_SETTINGS_MODULE="townhall.settings.production",
        DIRECT_DEBIT_KEYS=DIRECT_DEBIT_KEYS,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="",
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_starts_with_its_environment_and_uses_hashed_static_files():
    result = _run_django(
        """
        from django.conf import settings
        print(settings.STORAGES["staticfiles"]["BACKEND"], settings.SESSION_COOKIE_SECURE)
        """,
        DJANGO_SETTINGS_MODULE="townhall.settings.production",
        DIRECT_DEBIT_KEYS=DIRECT_DEBIT_KEYS,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="council.example",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "True",
    ]


def test_production_is_https_only_unless_the_loopback_stack_says_otherwise():
    script = """
        from django.conf import settings
        print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS > 0,
              settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)
        """
    production = {
        "DJANGO_SETTINGS_MODULE": "townhall.settings.production",
        "DIRECT_DEBIT_KEYS": DIRECT_DEBIT_KEYS,
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "council.example",
    }
    real_site = _run_django(script, **production)
    loopback_stack = _run_django(script, **production, HTTPS="false")
    assert real_site.stdout.split() == ["True", "True", "True", "True"], real_site.stderr
    assert loopback_stack.stdout.split() == ["False", "False", "False", "False"]


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "townhall.settings.production",
    "DIRECT_DEBIT_KEYS": DIRECT_DEBIT_KEYS,
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "council.example",
}


def test_the_deployment_check_finds_nothing_in_production():
    result = subprocess.run(  # noqa: S603 - this interpreter and our manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is theirs, not production's.
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            **PRODUCTION,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_responses_carry_the_security_headers():
    result = _run_django(
        """
        import json
        from django.test import Client
        response = Client().get("/healthz", secure=True, HTTP_HOST="council.example")
        print(json.dumps(dict(response.headers)))
        print(json.dumps({name: dict(morsel) for name, morsel in response.cookies.items()}))
        """,
        **PRODUCTION,
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.splitlines()[0])
    assert headers["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    # The directives come in no fixed order: compare them by name.
    policy = directives(headers["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "Content-Security-Policy-Report-Only" not in headers


def test_cookies_are_secure_http_only_and_same_site_in_production():
    result = _run_django(
        """
        from django.conf import settings as s
        print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE)
        print(s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE)
        """,
        **PRODUCTION,
    )
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True", "Lax"], result.stderr


def test_staff_pages_forbid_framing_and_browser_features(client):
    response = client.get("/admin/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert "microphone=()" in response["Permissions-Policy"]


def test_environment_switches_cache_search_and_database_backends():
    result = _run_django(
        """
        from django.conf import settings
        print(settings.CACHES["default"]["BACKEND"])
        print(settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"])
        print(settings.DATABASES["default"]["ENGINE"])
        print(settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"])
        print(sorted(cache["LOCATION"] for cache in settings.WAGTAILFRONTENDCACHE.values()))
        """,
        DJANGO_SETTINGS_MODULE="townhall.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/0",
        # A cluster's nodes, and two Varnish servers: each is searched, each is purged.
        ELASTICSEARCH_URL="http://10.0.0.1:9200, http://10.0.0.2:9200",
        DATABASE_URL="postgres://u:p@127.0.0.1:5432/townhall",
        FRONTEND_CACHE_URL="http://10.0.1.1:6081,http://10.0.1.2:6081",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "townhall.cache.TolerantRedisCache",
        "wagtail.search.backends.elasticsearch8",
        "django.db.backends.postgresql",
        "['http://10.0.0.1:9200', 'http://10.0.0.2:9200']",
        "['http://10.0.1.1:6081', 'http://10.0.1.2:6081']",
    ]


def test_a_media_bucket_puts_editors_files_in_object_storage_and_residents_files_stay_private():
    # django-storages is an optional extra (no bucket to try it against here), so the settings
    # module is read without setting Django up, which would open the storage.
    result = subprocess.run(  # noqa: S603 - this interpreter and the project's settings
        [
            sys.executable,
            "-c",
            "import townhall.settings.dev as s; d = s.STORAGES['default'];"
            " print(d['BACKEND'], d['OPTIONS']['bucket_name'], d['OPTIONS']['querystring_auth'],"
            " s.PRIVATE_MEDIA_ROOT)",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "MEDIA_BUCKET": "council-media", "PRIVATE_MEDIA_ROOT": "/srv/private"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "council-media",
        "False",
        "/srv/private",
    ]


def test_sitemap_includes_guide_parts_and_the_a_to_z(client, service_page):
    GuidePageFactory(parent=service_page.get_parent(), title="Recycling guide", slug="recycling")
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/bins-and-recycling/recycling/</loc>" in body
    assert "<loc>http://testserver/bins-and-recycling/recycling/eligibility/</loc>" in body
    assert "<loc>http://testserver/a-to-z/</loc>" in body
