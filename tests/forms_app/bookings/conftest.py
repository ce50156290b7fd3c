import datetime as dt
import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission

import pytest

from tests.factories.bookings import (
    AppointmentTypeFactory,
    BookableScheduleFactory,
    LocationPageFactory,
)
from tests.factories.users import UserFactory, sign_in_verified


@pytest.fixture
def location(service_page):
    return LocationPageFactory(parent=service_page.get_parent(), title="Civic Centre")


@pytest.fixture
def appointment_type(db):
    return AppointmentTypeFactory(name="Council tax advice", slug="council-tax-advice")


@pytest.fixture
def schedule(location, appointment_type):
    """Weekdays 9am to midday, half-hour appointments, two desks."""
    return BookableScheduleFactory(location=location, appointment_type=appointment_type, capacity=2)


def london(*args):
    from forms_app.bookings.slots import LONDON

    return dt.datetime(*args, tzinfo=LONDON)


grant_migration = importlib.import_module(
    "forms_app.bookings.migrations.0002_customer_services_permissions_bkcore"
)


@pytest.fixture
def reception(client):
    """A client signed in as reception staff, with what the migration grants Customer services."""
    group = Group.objects.create(name="Customer services")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_migration.grant(apps, None)
    user = UserFactory(username="reception", first_name="Rhian")
    user.groups.add(group)
    sign_in_verified(client, user)
    client.user = user
    return client
