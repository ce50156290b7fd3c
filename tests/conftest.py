import io

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from home.models import CouncilSettings
from tests.factories import (
    CouncilDetailsFactory,
    HomePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from tests.factories.users import sign_in_verified


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as a newly deployed site does."""
    cache.clear()


DEMO_PASSWORD = "demo-pass-2026"


@pytest.fixture(scope="module")
def demo_council(django_db_setup, django_db_blocker):
    """The demo council (`seed_demo`, English and Welsh, staff signing in with DEMO_PASSWORD),
    seeded once for the test module and rolled back after it: seed_demo takes many seconds.

    Each test of the module runs in a savepoint inside this transaction, so what one test changes
    is gone before the next; the module's tests also need `db` (a `django_db` mark)."""
    with (
        pytest.MonkeyPatch.context() as env,
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        env.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, having given the second factor superusers must give."""
    return sign_in_verified(client, admin_user)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to /cy/ in one test must not leave
    Welsh active for the next, whichever order the tests run in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page(db):
    """A council home page at the root of the default site, as seed_demo leaves it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="council-home", title="Testshire Council")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    CouncilSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"details": CouncilDetailsFactory(), "contact_phone": "01632 960 999"},
    )
    return home


@pytest.fixture
def service_page(home_page):
    category = ServiceIndexPageFactory(
        parent=home_page, title="Bins and recycling", slug="bins-and-recycling"
    )
    return ServicePageFactory(
        parent=category,
        title="Report a missed bin collection",
        slug="report-a-missed-bin",
        summary="Tell us if your bin was not emptied on your collection day.",
        body=[("heading", "Before you start"), ("paragraph", "<p>Wait until 6pm.</p>")],
    )
