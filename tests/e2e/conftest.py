"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server, and
axe-core checks every page for WCAG 2.2 A and AA problems.

Run them alone with `.venv/bin/pytest -m e2e`. Chromium comes from apt (`make e2e-deps`); Playwright
never downloads a browser here.
"""

import os
import re
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


@pytest.fixture
def page(browser, live_server):
    """A page with JavaScript on, as most residents have it."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    """A page with JavaScript off: every journey must still work."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page):
    """Run axe-core on the page as it stands and return its WCAG 2.2 A/AA violations."""
    page.add_script_tag(path=str(AXE_JS))
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
