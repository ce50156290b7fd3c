from django.contrib.auth.models import Group

import pytest

from forms_app.cases.models import Queue
from tests.factories import UserFactory


@pytest.fixture
def waste_group(db):
    return Group.objects.create(name="Waste")


@pytest.fixture
def housing_group(db):
    return Group.objects.create(name="Housing")


@pytest.fixture
def waste_queue(waste_group):
    return Queue.objects.create(name="Waste", group=waste_group, sla_working_days=2)


@pytest.fixture
def housing_queue(housing_group):
    return Queue.objects.create(name="Housing", group=housing_group, is_default=True)


@pytest.fixture
def waste_officer(waste_group):
    user = UserFactory(username="waste_officer")
    user.groups.add(waste_group)
    return user


@pytest.fixture
def housing_officer(housing_group):
    user = UserFactory(username="housing_officer")
    user.groups.add(housing_group)
    return user
