from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from wagtail.models import GroupPagePermission

import pytest

from tests.factories import ServiceIndexPageFactory, UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """The rate limit counts in the cache, which outlives a test: start every test at zero."""
    cache.clear()
    yield
    cache.clear()


def staff_user(username, *, can_edit=None):
    """A user who can sign in to the admin, and edit the pages under `can_edit` if given."""
    user = UserFactory(username=username)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if can_edit is not None:
        group = Group.objects.create(name=f"Editors of {can_edit.title}")
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group, page=can_edit, permission=Permission.objects.get(codename=codename)
            )
        user.groups.add(group)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def other_category(home_page):
    return ServiceIndexPageFactory(parent=home_page, title="Libraries", slug="libraries")
