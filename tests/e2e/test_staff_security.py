"""Staff security in a real browser: the Content-Security-Policy check the other browser tests rely
on, and setting up two-factor authentication with JavaScript off."""

import re
from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.factories import UserFactory

from .conftest import _refused_by_policy

PASSWORD = "correct-horse-battery"


def test_the_policy_check_notices_an_inline_script(browser, live_server, home_page):
    """What every browser test's teardown relies on: a refused inline script is reported."""
    context = browser.new_context(base_url=live_server.url)
    refused = _refused_by_policy(context)
    page = context.new_page()
    page.goto("/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.appendChild(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    context.close()
    assert refused and "Content Security Policy" in refused[0]


def test_a_superuser_sets_up_an_authenticator_app_without_javascript(page_without_js):
    page = page_without_js
    user = UserFactory(username="boss", is_superuser=True, is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/admin/two-factor/set-up/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    key = page.locator("#two-factor-secret").inner_text().replace(" ", "")
    code = TOTP(b32decode(key + "=" * (-len(key) % 8))).token()

    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
