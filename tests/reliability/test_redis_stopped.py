"""Redis stops while the site is serving: pages are still served, forms still send.

A Redis server of the test's own (its own port, started with .ci/redis) is the cache and session
cache, as in production. The page cache then renders every page afresh, sessions are read from
the database, and the limit on sending forms fails open (nothing can be counted) with a warning
in the log; once Redis is back, the cache is used again without a restart.
"""

import os
import shutil
import subprocess

from django.conf import settings as django_settings
from django.test import Client

import pytest
import redis

from forms_app.cases.models import Case
from forms_app.journeys import views
from forms_app.journeys.models import Submission

from .walk import answer_every_question, send, send_fields

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("redis-server") is None,
        reason="needs redis-server (apt-get install redis-server; make test-scale installs it)",
    ),
]

PORT = 63891  # this test's own Redis: stopping it touches no other test's


def _start_redis():
    started = subprocess.run(  # noqa: S603 - the project's own script
        ["bash", str(django_settings.BASE_DIR / ".ci" / "redis")],  # noqa: S607
        env={**os.environ, "TOWNHALL_REDIS_PORT": str(PORT)},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return started.stdout.strip()


def _stop_redis():
    subprocess.run(  # noqa: S603
        ["redis-cli", "-p", str(PORT), "shutdown", "nosave"],  # noqa: S607
        capture_output=True,
        timeout=10,
        check=False,
    )


@pytest.fixture
def own_redis(settings):
    """The site's cache and sessions on a Redis of this test's own; yields a client to it."""
    url = f"{_start_redis()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": django_settings.REDIS_CACHE_BACKEND,
            "LOCATION": url,
            "KEY_PREFIX": "townhall-reliability",
            "OPTIONS": django_settings.REDIS_CACHE_OPTIONS,
        }
    }
    settings.SESSION_ENGINE = "townhall.sessions.cached_db"
    direct = redis.Redis.from_url(url)
    direct.flushdb()
    yield direct
    _stop_redis()


def _kept_pages(direct):
    return direct.keys("townhall-reliability:*townhall:page:*")


def _rate_limited_send(client, page):
    fields = send_fields(answer_every_question(client, page))
    return client.post(f"{page.url}check-your-answers/", fields)


def test_pages_served_and_forms_sent_while_redis_is_stopped(
    own_redis, service_page, missed_bin, monkeypatch, caplog
):
    monkeypatch.setattr(views, "SUBMITS_PER_HOUR", 2)

    # Redis up: the page is kept in it, and the limit on sending forms counts there.
    assert Client().get(service_page.url).status_code == 200
    assert _kept_pages(own_redis)
    resident = Client()
    send(resident, missed_bin)
    send(resident, missed_bin)
    assert _rate_limited_send(resident, missed_bin).status_code == 429
    assert Case.objects.count() == 2

    _stop_redis()
    with pytest.raises(redis.ConnectionError):
        own_redis.ping()

    page = Client().get(service_page.url)
    assert page.status_code == 200
    assert "Report a missed bin collection" in page.content.decode()
    assert Client().get("/").status_code == 200
    # Forms still send, from a new session and from the one that was limited: with nothing to
    # count in, the limit is off (fails open) and the log says so.
    references = [send(Client(), missed_bin) for _ in range(3)]
    references.append(send(resident, missed_bin))
    assert Submission.objects.filter(reference__in=references).count() == 4
    assert Case.objects.filter(reference__in=references).count() == 4
    assert "rate limits are not counted" in caplog.text

    # Redis back (empty, as after a restart): used again by the same process, no restart.
    _start_redis()
    assert Client().get(service_page.url).status_code == 200
    assert _kept_pages(own_redis)
    send(Client(), missed_bin)
    assert Case.objects.count() == 7
