"""An online form for the reliability tests, routed to a queue that emails each resident."""

import copy

from django.contrib.auth.models import Group

import pytest

from forms_app.cases.models import Queue
from forms_app.journeys import demo
from tests.baseline import restore_wagtail_baseline
from tests.factories.journeys import JourneyPageFactory


@pytest.fixture(autouse=True)
def _wagtail_baseline(db):
    """Several of these tests commit for real (app servers must see the rows), and an earlier
    test that did the same may have emptied the database."""
    restore_wagtail_baseline()


@pytest.fixture
def resident_queue(db):
    """The default queue, telling each resident their reference, as seed_demo's does."""
    return Queue.objects.create(
        name="Customer services",
        group=Group.objects.create(name="Customer services team"),
        is_default=True,
        notify_resident=True,
    )


@pytest.fixture
def missed_bin(service_page, resident_queue):
    """demo.MISSED_BIN, published under 'Report a missed bin collection'."""
    return JourneyPageFactory(
        parent=service_page,
        title="Report a missed bin collection",
        slug="form",
        steps=copy.deepcopy(demo.MISSED_BIN),
    )
