"""`manage.py seed_demo` builds a believable council, and running it again changes nothing.

The council is seeded once for the module (`demo_council`); the demo password's own story, which
needs a database without the demo, is in test_demo_password.py."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, Site

import pytest

from home.alerts.models import AlertBanner
from home.demo import DEMO_USERS
from home.models import CouncilDetails, CouncilSettings, HomePage
from services.feedback.review import feedback_flags
from services.models import LocationPage, NewsPage, ServiceIndexPage, ServicePage
from tests.factories.users import sign_in_verified

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "settings": CouncilSettings.objects.count(),
        "council details": CouncilDetails.objects.count(),
    }


def test_seed_demo_twice_builds_the_council_once(demo_council):
    first = _counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert _counts() == first

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    categories = ServiceIndexPage.objects.live()
    assert categories.count() >= 6
    for category in categories:
        assert ServicePage.objects.child_of(category).count() >= 2
    assert sum(ServicePage.objects.child_of(c).count() >= 3 for c in categories) >= 6
    assert NewsPage.objects.live().count() >= 10
    assert LocationPage.objects.live().count() >= 3
    assert CouncilSettings.objects.get(site=site).details.footer_links


def test_demo_users_sign_in_with_demo_password(demo_council):
    User = get_user_model()
    assert set(User.objects.values_list("username", flat=True)) >= set(DEMO_USERS)
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="waste_officer").groups.filter(name="Waste").exists()

    client = Client()
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "demo-pass-2026"}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user.username == "admin"
    # The demo admin can see cases, so the first sign-in goes on to set up an authenticator app.
    assert response.redirect_chain[-1][0].startswith("/admin/two-factor/set-up/")


def test_demo_shows_an_alert_feedback_flags_and_overdue_reviews(client, demo_council):
    today = timezone.localdate()

    assert AlertBanner.objects.showing_at(timezone.now()).exists()
    assert "Online services are unavailable early on Sunday mornings" in (
        client.get("/").content.decode()
    )
    flagged = feedback_flags(today)
    bands = ServicePage.objects.get(slug="council-tax-bands-and-charges")
    assert bands.pk in flagged
    assert ServicePage.objects.filter(review_due__lt=today).exists()
    assert ServicePage.objects.filter(review_due__gte=today).exists()


def test_every_demo_queue_can_be_worked_by_its_team(demo_council):
    """Each queue's staff group can sign in to the admin and open its cases (Environmental health
    could not: its group lacked admin access)."""
    from forms_app.cases.models import Case, Queue

    for queue in Queue.objects.exclude(group=None):
        member = get_user_model().objects.create_user(f"member-{queue.pk}", password="x")
        member.groups.add(queue.group)
        client = Client()
        sign_in_verified(client, member)
        assert client.get("/admin/").status_code == 200, queue.name
        listing = client.get("/admin/cases/")
        assert listing.status_code == 200, queue.name
        shown = {case.queue_id for case in listing.context["object_list"]}
        assert shown <= {queue.pk}
        assert Case.objects.filter(queue=queue).exists() == bool(shown), queue.name
