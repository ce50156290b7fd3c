import datetime

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from forms_app.direct_debit.modulus.models import ModulusRelease
from tests.factories.users import UserFactory, sign_in_verified

pytestmark = pytest.mark.django_db


def test_superusers_see_the_loaded_releases_and_nobody_edits_them(client):
    ModulusRelease.objects.create(version="8.60", effective_from=datetime.date(2099, 1, 1))
    url = reverse("modulus_releases:index")

    officer = UserFactory(username="officer")
    staff = Group.objects.create(name="Staff")
    staff.permissions.add(Permission.objects.get(codename="access_admin"))
    officer.groups.add(staff)
    sign_in_verified(client, officer)
    assert client.get(url).status_code in (302, 403)

    sign_in_verified(client, UserFactory(username="boss", is_superuser=True))
    page = client.get(url).content.decode()
    assert "8.50" in page and "In force" in page and "1151" in page
    assert "8.60" in page and "Upcoming" in page
    release = ModulusRelease.objects.get(version="8.50")
    assert client.get(reverse("modulus_releases:edit", args=[release.pk])).status_code in (302, 403)
    assert client.get(reverse("modulus_releases:delete", args=[release.pk])).status_code in (
        302,
        403,
    )
    assert client.get(reverse("modulus_releases:add")).status_code in (302, 403)
    assert client.get(reverse("modulus_releases:inspect", args=[release.pk])).status_code == 200
