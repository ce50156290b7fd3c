"""The Content-Security-Policy: what a page of ours may load and run, asserted on the headers sent.

Browser tests (tests/e2e) fail on anything the policy refuses, so together they prove the site works
within it.
"""

from django.test import Client

import pytest

from tests.csp_check import (
    assert_page_runs_within_its_policy,
    inline_handlers,
    inline_scripts,
    policy,
)
from tests.factories import UserFactory
from tests.factories.journeys import JourneyPageFactory
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db


def assert_strict_scripts(directives):
    assert directives["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]


def test_a_public_page_runs_only_the_sites_own_scripts(client, service_page):
    response = client.get(service_page.url)
    directives = policy(response)
    assert_strict_scripts(directives)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    # GOV.UK Frontend is started from a static file, not an inline script.
    html = response.content.decode()
    assert inline_scripts(html) == []
    assert inline_handlers(html) == []
    assert "townhall/js/govuk-init.js" in html


def test_a_page_served_from_the_cache_carries_the_policy_too(client, service_page):
    first = client.get(service_page.url)
    again = Client().get(service_page.url)
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_an_online_form_has_the_public_policy(client, service_page):
    form = JourneyPageFactory(parent=service_page)
    response = client.get(form.url, follow=True)
    assert response.status_code == 200
    assert policy(response)["script-src"] == ["'self'"]
    assert inline_scripts(response.content.decode()) == []
    assert inline_handlers(response.content.decode()) == []


def test_the_admin_allows_inline_styles_but_no_inline_scripts(client, service_page):
    sign_in_verified(client, UserFactory(is_superuser=True))
    response = client.get(f"/admin/pages/{service_page.pk}/edit/")
    assert response.status_code == 200
    directives = policy(response)
    assert_strict_scripts(directives)
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    # Every script the editor runs from the page itself is one the policy names by its hash.
    assert_page_runs_within_its_policy(response)


def test_the_admin_form_editor_starts_its_widgets_from_data(client, service_page):
    sign_in_verified(client, UserFactory(is_superuser=True))
    form = JourneyPageFactory(parent=service_page)
    response = client.get(f"/admin/pages/{form.pk}/edit/")
    assert_page_runs_within_its_policy(response)
    assert "data-townhall-run=" in response.content.decode()


def test_the_login_page_has_the_admin_policy(client):
    directives = policy(client.get("/admin/login/"))
    assert_strict_scripts(directives)
    assert directives["frame-ancestors"] == ["'none'"]
