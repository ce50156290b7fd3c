import datetime as dt

import pytest

from tests.factories.bookings import (
    AppointmentTypeFactory,
    BookableScheduleFactory,
    LocationPageFactory,
)


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
