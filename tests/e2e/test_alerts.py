"""Alert banners in a real browser: hiding one with and without JavaScript, colours, and axe."""

import pytest

from home.alerts.enums import AlertLevel
from tests.factories.alerts import AlertBannerFactory

from .conftest import axe_violations, goto_as_without_javascript

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def three_alerts(home_page):
    AlertBannerFactory(
        title="Flood warning for the river Taff",
        level=AlertLevel.EMERGENCY,
        message='<p>Stay away from the river. <a href="/cookies/">What to do in a flood</a>.</p>',
    )
    AlertBannerFactory(
        title="Bin collections delayed",
        level=AlertLevel.WARNING,
        message="<p>Leave your bins out. We will <b>collect them by Saturday</b>.</p>",
    )
    AlertBannerFactory(title="New library opening hours", level=AlertLevel.INFORMATION)


def hide_the_warning(page, service_page):
    AlertBannerFactory(title="Road closed on the High Street", level=AlertLevel.WARNING)
    page.goto(service_page.url)
    banner = page.get_by_role("region", name="Warning Road closed on the High Street")
    assert banner.is_visible()
    assert "Road closed on the High Street" in banner.inner_text()

    banner.get_by_role("button", name="Hide this alert – Road closed on the High Street").click()

    # Back on the same page, without the banner.
    assert page.locator("h1").inner_text() == "Report a missed bin collection"
    assert page.url.endswith(service_page.url)
    assert page.get_by_role("region", name="Warning Road closed on the High Street").count() == 0
    page.goto("/")
    assert page.get_by_text("Road closed on the High Street").count() == 0


def test_a_warning_can_be_hidden_with_javascript(page, service_page):
    hide_the_warning(page, service_page)


def test_a_warning_can_be_hidden_without_javascript(page_without_js, service_page):
    hide_the_warning(page_without_js, service_page)


def test_an_emergency_has_no_hide_button(page, three_alerts):
    page.goto("/")
    emergency = page.get_by_role("region", name="Emergency Flood warning for the river Taff")
    assert emergency.is_visible()
    assert emergency.get_by_role("button").count() == 0
    assert page.get_by_role("button", name="Hide this alert").count() == 2


def test_each_level_has_its_own_colour_and_the_most_serious_comes_first(page, three_alerts):
    page.goto("/")
    banners = page.locator(".townhall-alert")
    assert banners.count() == 3
    header_colours = banners.locator(".govuk-notification-banner__header").evaluate_all(
        "els => els.map(el => getComputedStyle(el).backgroundColor)"
    )
    # Red, orange, blue: emergency, warning, information.
    assert header_colours == ["rgb(202, 53, 53)", "rgb(244, 119, 56)", "rgb(29, 112, 184)"]
    border_widths = banners.evaluate_all(
        "els => els.map(el => parseFloat(getComputedStyle(el).borderTopWidth))"
    )
    assert border_widths[0] > border_widths[1] == border_widths[2]


def test_a_page_with_every_level_of_alert_is_accessible(page, three_alerts):
    page.goto("/")
    assert page.locator(".townhall-alert").count() == 3
    assert axe_violations(page) == []


def test_a_page_with_every_level_of_alert_is_accessible_without_javascript(page, three_alerts):
    goto_as_without_javascript(page, "/")
    assert page.locator(".townhall-alert").count() == 3
    assert axe_violations(page) == []
