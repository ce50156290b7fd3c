from django.contrib.auth.models import Group, Permission

import pytest

from forms_app.cases.models import Queue
from forms_app.direct_debit.bacs.models import BacsSettings
from tests.factories import UserFactory


@pytest.fixture
def revenues_group(db):
    group, _ = Group.objects.get_or_create(name="Revenues")
    return group


@pytest.fixture
def revenues_queue(revenues_group):
    return Queue.objects.get_or_create(
        name="Revenues", defaults={"group": revenues_group, "is_default": True}
    )[0]


@pytest.fixture
def bacs_settings(db):
    bacs_settings = BacsSettings.load()
    bacs_settings.originating_sort_code = "20-00-00"
    bacs_settings.originating_account_number = "55779911"
    bacs_settings.default_service_user_number = "123456"
    bacs_settings.default_service_user_name = "Glanrhyd CBC"
    bacs_settings.save()
    return bacs_settings


@pytest.fixture
def revenues_officer(revenues_group, revenues_queue):
    user = UserFactory(username="revenues_officer")
    revenues_group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="bacs", codename="produce_auddis_file"),
    )
    user.groups.add(revenues_group)
    return user
