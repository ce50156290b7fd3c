"""Pages are found by their full address in a fixed number of queries, and privacy still holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from forms_app.cases.models import Queue
from tests.factories import (
    GuidePageFactory,
    HomePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from tests.factories.journeys import JourneyPageFactory

pytestmark = pytest.mark.django_db


def test_deep_pages_unknown_addresses_and_drafts(client, service_page):
    assert client.get(service_page.url).status_code == 200
    assert client.get(f"{service_page.url}nothing-here/").status_code == 404
    assert client.get("/bins-and-recycling/no-such-service/").status_code == 404
    service_page.unpublish()
    assert client.get(service_page.url).status_code == 404


def test_breadcrumbs_come_from_the_route(client, service_page):
    html = client.get(service_page.url).content.decode()
    assert '<a class="govuk-breadcrumbs__link" href="/">Home</a>' in html
    assert '<a class="govuk-breadcrumbs__link" href="/bins-and-recycling/">Bins and recycling' in (
        html
    )


def test_routable_pages_below_the_home_page_still_route(client, service_page):
    guide = GuidePageFactory(parent=service_page.get_parent(), title="Recycling guide")
    assert client.get(f"{guide.url}eligibility/").status_code == 200
    assert client.get("/a-to-z/").status_code == 200


def test_a_page_below_a_login_restriction_stays_private(client, home_page):
    private = ServiceIndexPageFactory(parent=home_page, title="Staff only", slug="staff-only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    secret = ServicePageFactory(parent=private, title="Internal procedures", slug="internal")
    response = client.get(secret.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=/staff-only/internal/")
    assert "Internal procedures" not in client.get("/a-to-z/").content.decode()


def test_password_restriction_asks_for_the_password(client, service_page):
    PageViewRestriction.objects.create(
        page=service_page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    response = client.get(service_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="password"' in html
    assert "Wait until 6pm." not in html


def test_restricted_services_are_left_out_of_their_category(client, service_page):
    hidden = ServicePageFactory(parent=service_page.get_parent(), title="Secret service")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(service_page.get_parent().url).content.decode()
    assert "Report a missed bin collection" in html
    assert "Secret service" not in html


def test_a_site_given_another_home_page_routes_from_it_at_once(client, service_page, home_page):
    # The site is kept in the cache between requests (home/sites.py): warm it.
    assert client.get(service_page.url).status_code == 200
    other_home = HomePageFactory(parent=home_page.get_parent(), slug="new-home", title="New home")
    ServiceIndexPageFactory(parent=other_home, title="Parking", slug="parking")

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_home
    site.save()

    assert client.get("/parking/").status_code == 200
    assert client.get(service_page.url).status_code == 404


def test_a_pages_route_asks_nothing_of_the_sites_table_once_warm(client, service_page):
    client.get(service_page.url)
    with CaptureQueriesContext(connection) as queries:
        # Another address of the page, so it is rendered rather than answered from the page cache.
        assert client.get(f"{service_page.url}?page=2").status_code == 200
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]


def test_a_renamed_section_answers_at_its_new_address_at_once(client, service_page):
    # The page an address leads to is kept in the cache between requests (home/sites.py): warm it.
    assert client.get(service_page.url).status_code == 200
    category = service_page.get_parent().specific
    category.slug = "waste"
    category.save_revision().publish()

    assert client.get("/waste/report-a-missed-bin/").status_code == 200
    assert client.get("/bins-and-recycling/report-a-missed-bin/").status_code == 404


def test_a_page_made_private_after_it_was_routed_is_private_at_once(client, service_page):
    # A form's step: never kept by the page cache, so this is the route cache alone.
    form = JourneyPageFactory(parent=service_page, title="Report it", slug="form")
    Queue.objects.create(name="Everything", is_default=True)
    assert client.get(f"{form.url}bin-type/").status_code == 200
    PageViewRestriction.objects.create(page=service_page, restriction_type="login")

    response = client.get(f"{form.url}bin-type/")

    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")
