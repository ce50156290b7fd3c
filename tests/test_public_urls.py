"""The public site's address for links sent to residents: PUBLIC_BASE_URL, else the admin's
address, else (development, neither set) the default Wagtail site's root."""

import pytest

from townhall.public_urls import admin_url, public_url

pytestmark = pytest.mark.django_db


def test_the_public_address_is_its_own_setting(settings):
    settings.PUBLIC_BASE_URL = "https://www.council.example/"
    settings.WAGTAILADMIN_BASE_URL = "https://staff.council.example"
    assert public_url("/check-progress/") == "https://www.council.example/check-progress/"
    assert admin_url("/admin/") == "https://staff.council.example/admin/"


def test_without_either_setting_the_default_sites_root_is_used(settings, home_page):
    settings.PUBLIC_BASE_URL = None
    settings.WAGTAILADMIN_BASE_URL = None
    assert public_url("/check-progress/") == "http://localhost/check-progress/"
    assert admin_url("/admin/") == "http://localhost/admin/"


@pytest.mark.parametrize(
    "url", ["https://example.com/a", "mailto:a@example.com", "//evil.example/"]
)
def test_an_address_that_is_not_a_path_here_is_left_alone(settings, url):
    settings.PUBLIC_BASE_URL = "https://www.council.example"
    assert public_url(url) == url
