"""Alert banners as residents see them: on which pages, when, in what order, in which language."""

import datetime

from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

import pytest

from home.alerts.enums import AlertLevel
from tests.factories.alerts import AlertBannerFactory

from .conftest import shown_alerts

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def test_a_whole_site_alert_shows_on_every_kind_of_page(client, service_page):
    AlertBannerFactory(title="Offices closed on Friday")
    for path in ["/", service_page.url, "/search/?q=bins", "/cookies/", "/no-such-page/"]:
        assert shown_alerts(client.get(path)) == ["Offices closed on Friday"], path


def test_a_section_alert_shows_on_that_page_and_the_pages_below_it(
    client, bins_section, service_page
):
    AlertBannerFactory(title="Collections delayed by snow", scope=bins_section)
    assert shown_alerts(client.get(bins_section.url)) == ["Collections delayed by snow"]
    assert shown_alerts(client.get(service_page.url)) == ["Collections delayed by snow"]


def test_a_section_alert_stays_out_of_other_sections_and_non_page_views(
    client, home_page, bins_section, council_tax_section
):
    AlertBannerFactory(title="Collections delayed by snow", scope=bins_section)
    assert shown_alerts(client.get(home_page.url)) == []
    assert shown_alerts(client.get(council_tax_section.url)) == []
    assert shown_alerts(client.get("/search/?q=bins")) == []


def test_an_alert_shows_only_between_its_start_and_end(client, home_page):
    now = timezone.now()
    AlertBannerFactory(title="Not started yet", starts_at=now + HOUR)
    AlertBannerFactory(title="Already over", starts_at=now - 3 * HOUR, ends_at=now - HOUR)
    AlertBannerFactory(title="Runs until tonight", starts_at=now - HOUR, ends_at=now + HOUR)
    AlertBannerFactory(title="Runs until changed", starts_at=now - HOUR, ends_at=None)
    assert sorted(shown_alerts(client.get("/"))) == ["Runs until changed", "Runs until tonight"]


def test_the_most_serious_alerts_come_first_then_the_newest(client, home_page):
    now = timezone.now()
    AlertBannerFactory(title="New library hours", starts_at=now - HOUR)
    AlertBannerFactory(title="Road closed", level=AlertLevel.WARNING, starts_at=now - 5 * HOUR)
    AlertBannerFactory(title="Flood warning", level=AlertLevel.EMERGENCY, starts_at=now - 9 * HOUR)
    AlertBannerFactory(title="Bins late", level=AlertLevel.WARNING, starts_at=now - 2 * HOUR)
    assert shown_alerts(client.get("/")) == [
        "Flood warning",
        "Bins late",
        "Road closed",
        "New library hours",
    ]


def test_residents_see_only_alerts_in_their_language(client, home_page):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    AlertBannerFactory(title="Offices closed on Friday")
    AlertBannerFactory(title="Swyddfeydd ar gau ddydd Gwener", locale=welsh)
    assert shown_alerts(client.get("/")) == ["Offices closed on Friday"]
    assert shown_alerts(client.get("/search/")) == ["Offices closed on Friday"]
    assert shown_alerts(client.get("/cy/search/")) == ["Swyddfeydd ar gau ddydd Gwener"]


def test_a_banner_is_a_labelled_region_saying_how_serious_it_is(client, home_page):
    alert = AlertBannerFactory(
        title="Flood warning",
        level=AlertLevel.EMERGENCY,
        message=(
            "<p>Stay away from the river. <b>Do not drive</b> through "
            '<a href="https://example.com/floods">flood water</a>.</p>'
        ),
    )
    html = client.get("/").content.decode()
    assert f'role="region" aria-labelledby="alert-{alert.pk}-level alert-{alert.pk}-title"' in html
    assert (
        f'<h2 class="govuk-notification-banner__title" id="alert-{alert.pk}-level">Emergency</h2>'
        in html
    )
    assert "townhall-alert--emergency" in html
    assert "<b>Do not drive</b>" in html
    assert '<a href="https://example.com/floods">flood water</a>' in html


def test_only_non_emergency_banners_offer_a_hide_button(client, home_page):
    AlertBannerFactory(title="Flood warning", level=AlertLevel.EMERGENCY)
    warning = AlertBannerFactory(title="Road closed", level=AlertLevel.WARNING)
    information = AlertBannerFactory(title="New library hours")
    html = client.get("/").content.decode()
    assert html.count("Hide this alert") == 2
    assert html.count('name="alert" value=') == 2
    assert f'name="alert" value="{warning.pk}"' in html
    assert f'name="alert" value="{information.pk}"' in html


def test_banners_cost_one_query_however_many_show(
    rf: RequestFactory, django_assert_num_queries, bins_section, service_page
):
    AlertBannerFactory(title="Offices closed on Friday", level=AlertLevel.EMERGENCY)
    AlertBannerFactory(title="Collections delayed by snow", scope=bins_section)
    AlertBannerFactory(title="Missed bin form down", scope=service_page, level=AlertLevel.WARNING)
    request = rf.get(service_page.url)
    with django_assert_num_queries(1):
        html = render_to_string("alerts/banners.html", {"page": service_page}, request=request)
    assert html.count("govuk-notification-banner__heading") == 3


def test_a_page_render_asks_the_database_for_alerts_once(client, bins_section, service_page):
    AlertBannerFactory(title="Collections delayed by snow", scope=bins_section)
    AlertBannerFactory(title="Offices closed on Friday")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(service_page.url)
    assert len(shown_alerts(response)) == 2
    alert_queries = [q["sql"] for q in queries if "alerts_alertbanner" in q["sql"]]
    assert len(alert_queries) == 1
