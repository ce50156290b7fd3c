"""An editor previewing a draft booking page walks it as a resident would: the days and times
offered follow the answers given in the preview, as on the published page."""

import pytest
import time_machine
from bs4 import BeautifulSoup

from tests.factories import ServiceIndexPageFactory, ServicePageFactory
from tests.factories.users import UserFactory, sign_in_verified

from .booking_setup import NOW, make_booking_page, make_location, make_schedule, make_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def draft_page(home_page):
    places = ServiceIndexPageFactory(parent=home_page, title="Places", slug="places")
    service = ServicePageFactory(parent=places, title="Council tax", slug="council-tax")
    kind = make_type()
    place = make_location(places)
    make_schedule(kind, place, capacity=1)
    page = make_booking_page(service, [kind])
    draft = page.get_latest_revision_as_object()
    draft.intro = "<p>Draft wording for the preview.</p>"
    draft.save_revision()
    return page, place


def _main(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(soup.find("main").get_text(" ").split())


def _open(client, url):
    response = client.get(url)
    while response.status_code == 302:
        url = response["Location"]
        response = client.get(url)
    return url, response


def test_a_preview_of_a_booking_page_offers_days_and_times(client, draft_page, clock):
    page, place = draft_page
    sign_in_verified(client, UserFactory(username="editor", is_superuser=True))

    url, first = _open(client, f"/admin/pages/{page.pk}/view_draft/")
    assert url.startswith("/admin/form-preview/") and url.endswith("/place/")
    base = url.removesuffix("place/")
    assert "Central Library" in _main(first)

    chosen = client.post(url, {"location": str(place.pk)})
    assert chosen.status_code == 302
    assert chosen["Location"] == f"{base}day/"

    days = client.get(f"{base}day/")
    assert days.status_code == 200
    assert "Tuesday 8 December 2026" in _main(days)

    picked = client.post(f"{base}day/", {"day": "2026-12-08"})
    assert picked["Location"] == f"{base}time/"
    times = client.get(f"{base}time/")
    assert "9:00am" in _main(times) or "9am" in _main(times)
