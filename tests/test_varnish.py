"""The front cache for real: Debian's Varnish with the project's VCL in front of the app.

Varnish comes from apt (`make e2e-deps` installs it, as `make stack` does); these tests start their
own varnishd on a free port in front of pytest-django's live server, and stop it afterwards.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.baseline import restore_wagtail_baseline
from tests.factories.alerts import AlertBannerFactory
from tests.factories.journeys import JourneyPageFactory

VCL_DIR = Path(__file__).resolve().parents[1] / "deploy" / "varnish"


def _varnishd():
    found = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(found).exists():
        pytest.fail("Varnish is not installed: run `make e2e-deps` (apt-get install varnish).")
    return found


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(request, live_server, tmp_path, settings):
    """Varnish on a free port, balancing to the live server, with the app purging through it.

    Who may purge is 127.0.0.1 (the app), unless a test passes other addresses as its param.
    """
    restore_wagtail_baseline()
    purgers = getattr(request, "param", '"127.0.0.1"')
    app_port = live_server.url.rsplit(":", 1)[1]
    (tmp_path / "backends.vcl").write_text(
        f'backend live {{ .host = "127.0.0.1"; .port = "{app_port}"; }}\n'
        f"acl purgers {{ {purgers}; }}\n"
        "sub vcl_init { new app = directors.round_robin(); app.add_backend(live); }\n"
    )
    port = _free_port()
    workdir = tmp_path / "varnish"
    pidfile = tmp_path / "varnish.pid"
    subprocess.run(  # noqa: S603 - Debian's varnishd with paths this test made
        [
            _varnishd(),
            "-j",
            "none",
            "-n",
            str(workdir),
            "-a",
            f"127.0.0.1:{port}",
            "-P",
            str(pidfile),
            "-p",
            f"vcl_path={tmp_path}:{VCL_DIR}",
            "-f",
            str(VCL_DIR / "townhall.vcl"),
            "-s",
            "malloc,32m",
        ],
        check=True,
        capture_output=True,
    )
    url = f"http://127.0.0.1:{port}"
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    }
    for _ in range(50):
        try:
            requests.get(f"{url}/healthz", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield url
    os.kill(int(pidfile.read_text()), signal.SIGTERM)
    restore_wagtail_baseline()


def fetch(url, **kwargs):
    response = requests.get(url, timeout=10, allow_redirects=False, **kwargs)
    return response, response.headers.get("X-Cache")


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(varnish, service_page):
    first, first_cache = fetch(varnish + service_page.url)
    second, second_cache = fetch(varnish + service_page.url)
    assert first.status_code == second.status_code == 200
    assert (first_cache, second_cache) == ("MISS", "HIT")
    assert "Set-Cookie" not in second.headers
    assert second.text == first.text


def test_a_visitors_choices_get_their_own_copy_and_other_cookies_are_ignored(varnish, service_page):
    url = varnish + service_page.url
    fetch(url, cookies={"_ga": "tracking-cookie"})
    _, cache = fetch(url, cookies={"csrftoken": "old-token", "_ga": "another"})
    assert cache == "HIT", "cookies that change nothing must not split the cache"

    hidden, hidden_cache = fetch(url, cookies={"townhall_cookie_message_hidden": "1"})
    assert hidden_cache == "MISS"
    assert "Hide cookie message" not in hidden.text
    again, again_cache = fetch(url, cookies={"townhall_cookie_message_hidden": "yes"})
    assert again_cache == "HIT" and "Hide cookie message" not in again.text
    plain, _ = fetch(url)
    assert "Hide cookie message" in plain.text


def test_anyone_with_a_session_always_reaches_the_app(varnish, service_page):
    url = varnish + service_page.url
    fetch(url)
    for _ in range(2):
        _, cache = fetch(url, cookies={"sessionid": "a-staff-member-or-a-form-in-progress"})
        assert cache == "MISS"


def test_online_forms_are_never_kept(varnish, service_page):
    form = JourneyPageFactory(parent=service_page)
    for _ in range(2):
        response, cache = fetch(varnish + form.url)
        assert cache == "MISS"
        assert "public" not in response.headers.get("Cache-Control", "")


def test_publishing_a_change_is_live_through_the_cache_at_once(varnish, service_page):
    url = varnish + service_page.url
    fetch(url)
    assert fetch(url)[1] == "HIT"

    service_page.title = "Report a missed bin or recycling collection"
    service_page.save_revision().publish()

    response, cache = fetch(url)
    assert cache == "MISS"
    assert "Report a missed bin or recycling collection" in response.text
    # Every page shows menus and lists of others, so one change empties the whole cache.
    home, home_cache = fetch(varnish + "/")
    assert home_cache == "MISS"


def test_a_new_alert_shows_through_the_cache_at_once(varnish, service_page):
    url = varnish + service_page.url
    fetch(url)
    AlertBannerFactory(title="Collections delayed by snow")
    response, cache = fetch(url)
    assert cache == "MISS"
    assert "Collections delayed by snow" in response.text


def test_the_app_is_told_the_visitors_address_once(varnish, tmp_path):
    """Rate limits trust as many X-Forwarded-For entries as there are proxies in front of the app
    (TRUSTED_PROXY_COUNT): Varnish must add exactly one, the address it was asked from."""
    requests.get(varnish + "/healthz", headers={"X-Forwarded-For": "203.0.113.9"}, timeout=10)
    log = subprocess.run(  # noqa: S603 - Debian's varnishlog reading this test's own Varnish
        [
            shutil.which("varnishlog") or "/usr/bin/varnishlog",
            "-d",
            "-n",
            str(tmp_path / "varnish"),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    sent = [line.split(None, 2)[2] for line in log.splitlines() if "BereqHeader" in line]
    told = [header for header in sent if "203.0.113.9" in header]
    assert told == ["X-Forwarded-For: 203.0.113.9, 127.0.0.1"]


@pytest.mark.parametrize("varnish", ['"192.0.2.10"'], indirect=True)
def test_nobody_else_may_empty_the_cache(varnish, service_page):
    url = varnish + service_page.url
    fetch(url)
    for method in ("BAN", "PURGE"):
        response = requests.request(method, url, timeout=5)
        assert response.status_code == 405
    assert fetch(url)[1] == "HIT"
