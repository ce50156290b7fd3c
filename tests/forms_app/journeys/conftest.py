"""Live online forms for the journey and admin tests, built as seed_demo builds them."""

import copy

from django.contrib.auth.models import Group

import pytest

from forms_app.cases.models import Queue
from forms_app.journeys import demo
from tests.factories import ServicePageFactory
from tests.factories.journeys import JourneyPageFactory


@pytest.fixture
def default_queue(db):
    """Casework opens a case for each submission in the same transaction, so it needs a queue."""
    return Queue.objects.create(
        name="Customer services",
        group=Group.objects.create(name="Customer services team"),
        is_default=True,
        notify_resident=False,
    )


@pytest.fixture
def missed_bin(service_page, default_queue):
    """demo.MISSED_BIN, published under 'Report a missed bin collection'."""
    return JourneyPageFactory(
        parent=service_page,
        title="Report a missed bin collection",
        slug="form",
        steps=copy.deepcopy(demo.MISSED_BIN),
        confirmation_heading="Report sent",
    )


@pytest.fixture
def fly_tipping(service_page, default_queue, settings, tmp_path):
    """demo.FLY_TIPPING under a second service page; residents' files go to a temporary folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    fly_tipping_service = ServicePageFactory(
        parent=service_page.get_parent(),
        title="Report fly-tipping",
        slug="report-fly-tipping",
        summary="Tell us about rubbish dumped on public land.",
    )
    return JourneyPageFactory(
        parent=fly_tipping_service,
        title="Report fly-tipping",
        slug="form",
        steps=copy.deepcopy(demo.FLY_TIPPING),
        confirmation_heading="Report sent",
    )
