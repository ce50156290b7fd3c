import re

import pytest

from tests.factories import ServiceIndexPageFactory

BANNER_TITLE = re.compile(r'class="govuk-notification-banner__heading"[^>]*>([^<]*)<')


def shown_alerts(response):
    """The titles of the alert banners on a page, top to bottom."""
    assert response.status_code in (200, 404), response.status_code
    return BANNER_TITLE.findall(response.content.decode())


@pytest.fixture
def bins_section(service_page):
    """The 'Bins and recycling' section page above the missed bin service page."""
    return service_page.get_parent().specific


@pytest.fixture
def council_tax_section(home_page):
    """A section beside 'Bins and recycling', so a sibling of it."""
    return ServiceIndexPageFactory(parent=home_page, title="Council Tax", slug="council-tax")
