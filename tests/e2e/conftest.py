"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server, and
axe-core checks every page for WCAG 2.2 A and AA problems.

Run them alone with `.venv/bin/pytest -m e2e`. Chromium comes from apt (`make e2e-deps`); Playwright
never downloads a browser here.
"""

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.baseline import restore_wagtail_baseline

# Playwright's sync API runs an event loop in this thread; the tests still touch the ORM directly
# (to build their data) and Django would otherwise refuse that inside a loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _wagtail_baseline(transactional_db):
    """Browser tests commit for real, and each ends by emptying the database."""
    restore_wagtail_baseline()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: run `make e2e-deps` (apt-get install chromium)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _refused_by_policy(context):
    """Collect what the Content-Security-Policy refused on any page of `context`.

    Chromium reports every refusal (an inline script, a style, a frame...) as a console error
    naming the policy, which is also what a `securitypolicyviolation` event would report.
    """
    refused = []

    def listen(page):
        page.on(
            "console",
            lambda message: (
                refused.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )

    context.on("page", listen)
    return refused


def _close(context):
    """Leave every page first, so no admin timer (the editor's session pings, the preview panel's
    updates) starts another request, and let a request already sent finish: the server shares
    the test's in-memory database, which is emptied as soon as the test ends."""
    for open_page in context.pages:
        open_page.goto("about:blank")
    time.sleep(0.3)
    context.close()


@pytest.fixture
def page(browser, live_server):
    """A page with JavaScript on, as most residents have it.

    A test fails if the Content-Security-Policy refused anything on its pages: the site must
    work within its own policy.
    """
    context = browser.new_context(base_url=live_server.url)
    refused = _refused_by_policy(context)
    page = context.new_page()
    yield page
    _close(context)
    assert not refused, "The Content-Security-Policy refused:\n" + "\n".join(refused)


@pytest.fixture
def page_without_js(browser, live_server):
    """A page with JavaScript off: every journey must still work."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    refused = _refused_by_policy(context)
    page = context.new_page()
    yield page
    _close(context)
    assert not refused, "The Content-Security-Policy refused:\n" + "\n".join(refused)


AXE_URL = "/__e2e__/axe.min.js"


def _serve_axe(page):
    """axe-core as a script of the site's own origin, which the policy allows (an inline copy
    of it would be refused). Routed for the whole context: page.unroute_all() leaves it."""
    context = page.context
    if getattr(context, "_axe_served", False):
        return
    context.route(
        lambda url: url.split("?")[0].endswith(AXE_URL),
        lambda route: route.fulfill(path=str(AXE_JS), content_type="text/javascript"),
    )
    context._axe_served = True


def axe_violations(page):
    """Run axe-core on the page as it stands and return its WCAG 2.2 A/AA violations."""
    _serve_axe(page)
    page.wait_for_load_state()
    page.add_script_tag(url=AXE_URL)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} places, e.g. "
        f"{violation['nodes'][0]['target']})"
        for violation in result["violations"]
    ]


def goto_as_without_javascript(page, url):
    """Load `url` as a browser with JavaScript off renders it, in a page where axe can still run.

    A context with JavaScript disabled cannot run axe either, so the document is served with its
    scripts removed: none of the site's scripts run, and axe is injected afterwards.
    """

    def strip_scripts(route):
        response = route.fetch()
        body = re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.DOTALL)
        route.fulfill(response=response, body=body)

    page.route(lambda request_url: request_url.split("#")[0].endswith(url), strip_scripts)
    return page.goto(url)


def sign_in_to_admin(page, username, password):
    """Sign in through the admin's form, then give the second factor if the account needs one:
    such an account has a real authenticator device (tests/factories/users.py), whose current
    code is typed into the "Enter the code" page as a member of staff would."""
    from django.contrib.auth import get_user_model

    from tests.factories.users import totp_code, verified_device
    from townhall.two_factor.policy import needs_two_factor

    user = get_user_model().objects.get(username=username)
    device = verified_device(user) if needs_two_factor(user) else None
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    if device is not None:
        assert "/admin/two-factor/verify/" in page.url, page.url
        page.get_by_label("Code from your authenticator app").fill(totp_code(device))
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
