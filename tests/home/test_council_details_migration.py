"""Migration 0004 moves a site's council name, opening hours, address and footer links from its
settings into council details in the default language, and moving back puts them where they were."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page, Site

import pytest

from tests.baseline import restore_wagtail_baseline

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("home", "0002_top_tasks")]
AFTER = [("home", "0005_remove_translated_council_settings")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_schema():
    """The database as it was before council details existed; put back afterwards."""
    restore_wagtail_baseline()  # an earlier transactional test may have emptied the database
    try:
        yield _migrate(BEFORE)
    finally:
        _migrate(AFTER)


def test_settings_move_into_default_language_details_and_back(old_schema):
    site = Site.objects.create(hostname="old.example", root_page=Page.get_first_root_node())
    links = [
        {"type": "link", "value": {"title": "Privacy", "page": None, "url": "https://p.example"}}
    ]
    old_schema.get_model("home", "CouncilSettings").objects.create(
        site_id=site.pk,
        council_name="Oldshire Council",
        contact_hours="Monday to Friday, 8am to 6pm",
        contact_address="Town Hall\nOldshire",
        contact_phone="01632 960 111",
        footer_links=links,
    )

    apps = _migrate(AFTER)
    council = apps.get_model("home", "CouncilSettings").objects.get(site_id=site.pk)
    details = apps.get_model("home", "CouncilDetails").objects.get(pk=council.details_id)
    assert (details.council_name, details.contact_hours, details.contact_address) == (
        "Oldshire Council",
        "Monday to Friday, 8am to 6pm",
        "Town Hall\nOldshire",
    )
    assert details.locale.language_code == "en"
    assert [link["value"]["title"] for link in details.footer_links.raw_data] == ["Privacy"]
    assert council.contact_phone == "01632 960 111"

    apps = _migrate(BEFORE)
    council = apps.get_model("home", "CouncilSettings").objects.get(site_id=site.pk)
    assert (council.council_name, council.contact_hours) == (
        "Oldshire Council",
        "Monday to Friday, 8am to 6pm",
    )
    assert council.footer_links.raw_data[0]["value"]["url"] == "https://p.example"
