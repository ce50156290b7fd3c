"""The demo's editors and moderators may translate pages and snippets, once the seeder has run.

(wagtail-localize's own migration grants `submit_translation` to groups named Editors and
Moderators that exist when it runs; the seeder also covers groups made later, and snippets.)
"""

import io

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from home.demo import seed_workflow
from home.translations.demo import seed_translation_permissions
from tests.factories import UserFactory

from .conftest import Silent, staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_groups(db):
    """Editors and Moderators as seed_workflow makes them when they are missing."""
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    seed_workflow(Silent())


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_the_seeder_lets_editors_and_moderators_translate_once(new_groups, group_name):
    first, second = io.StringIO(), io.StringIO()
    seed_translation_permissions(first)
    permissions = set(Group.objects.get(name=group_name).permissions.all())
    seed_translation_permissions(second)

    assert first.getvalue() == "Editors and Moderators can now translate pages and snippets."
    assert second.getvalue() == ""
    assert set(Group.objects.get(name=group_name).permissions.all()) == permissions
    user = UserFactory(username="someone")
    user.groups.add(Group.objects.get(name=group_name))
    assert user.has_perm("wagtail_localize.submit_translation")
    assert user.has_perm("alerts.change_alertbanner")


def test_an_editor_translates_only_once_the_seeder_has_run(new_groups, service_page):
    editor = staff_client("editor", "Editors")
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[service_page.pk])
    alerts_url = reverse("wagtailsnippets_alerts_alertbanner:list")
    # Wagtail's admin turns "permission denied" into a trip back to the dashboard.
    assert editor.get(submit_url)["Location"] == reverse("wagtailadmin_home")
    assert editor.get(alerts_url)["Location"] == reverse("wagtailadmin_home")

    seed_translation_permissions(Silent())
    response = editor.get(submit_url)
    assert response.status_code == 200
    assert "Welsh" in response.text
    assert editor.get(alerts_url).status_code == 200
