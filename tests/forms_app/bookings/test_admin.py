"""Customer services staff manage appointment types and schedules, with clear errors."""

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError

from wagtail.models import Locale

import pytest

from forms_app.bookings.models import AppointmentType, BookableSchedule
from tests.factories import publish_translation
from tests.factories.users import UserFactory, sign_in_verified

pytestmark = pytest.mark.django_db

SCHEDULES = "/admin/snippets/bookings/bookableschedule/"
TYPES = "/admin/snippets/bookings/appointmenttype/"


def _inline(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        data.update({f"{prefix}-{n}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{n}-ORDER"] = str(n + 1)
        data[f"{prefix}-{n}-DELETE"] = ""
    return data


def _schedule_form(appointment_type, location, *, capacity="2", weekly=(), exceptions=()):
    return {
        "appointment_type": str(appointment_type.pk),
        "location": str(location.pk),
        "capacity": capacity,
        **_inline("weekly_hours", list(weekly)),
        **_inline("exceptions", list(exceptions)),
    }


def test_customer_services_add_an_appointment_type(reception):
    assert reception.get(TYPES).status_code == 200
    response = reception.post(
        TYPES + "add/",
        {
            "name": "Housing options",
            "slug": "housing-options",
            "duration_minutes": "45",
            "buffer_minutes": "15",
            "minimum_notice_amount": "2",
            "minimum_notice_unit": "working_days",
            "window_days": "28",
            "change_cutoff_hours": "2",
            "what_to_bring": "Proof of address.",
        },
    )
    assert response.status_code == 302
    housing = AppointmentType.objects.get(slug="housing-options")
    assert housing.duration_minutes == 45
    listing = reception.get(TYPES).content.decode()
    assert "Housing options" in listing
    assert "2 working days" in listing


def test_customer_services_add_a_schedule_with_hours_and_a_closure(
    reception, appointment_type, location
):
    response = reception.post(
        SCHEDULES + "add/",
        _schedule_form(
            appointment_type,
            location,
            weekly=[{"weekday": "1", "starts": "13:00", "ends": "16:30"}],
            exceptions=[{"date": "2026-12-24", "starts": "", "ends": "", "note": "Closed"}],
        ),
    )
    assert response.status_code == 302
    schedule = BookableSchedule.objects.get()
    assert schedule.capacity == 2
    assert schedule.open_on_bank_holidays is False
    assert [(h.weekday, str(h.starts)) for h in schedule.weekly_hours.all()] == [(1, "13:00:00")]
    assert schedule.exceptions.get().is_closed
    edit = reception.get(SCHEDULES + f"edit/{schedule.pk}/").content.decode()
    assert "Usual week" in edit and "Exceptions" in edit


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"capacity": "0"}, "Ensure this value is greater than or equal to 1."),
        (
            {"weekly": [{"weekday": "1", "starts": "16:00", "ends": "09:00"}]},
            "The end time must be after the start time, on the same day.",
        ),
        (
            {"exceptions": [{"date": "2026-12-24", "starts": "10:00", "ends": "", "note": ""}]},
            "Enter the time appointments end.",
        ),
    ],
    ids=["no desks", "ends before it starts", "exception without an end"],
)
def test_a_bad_schedule_is_refused_with_a_clear_error(
    reception, appointment_type, location, change, message
):
    fields = {"weekly": [{"weekday": "1", "starts": "09:00", "ends": "12:00"}], **change}
    form = _schedule_form(
        appointment_type,
        location,
        capacity=fields.get("capacity", "2"),
        weekly=fields["weekly"],
        exceptions=fields.get("exceptions", ()),
    )
    response = reception.post(SCHEDULES + "add/", form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BookableSchedule.objects.exists()


def test_one_schedule_per_location_and_appointment_type(reception, schedule):
    response = reception.post(
        SCHEDULES + "add/", _schedule_form(schedule.appointment_type, schedule.location)
    )
    assert response.status_code == 200
    assert "This location already has a schedule for this appointment type." in (
        response.content.decode()
    )
    assert BookableSchedule.objects.count() == 1


def test_staff_outside_customer_services_cannot_manage_schedules(client, schedule):
    user = UserFactory(username="waste")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, user)
    assert client.get(SCHEDULES).status_code == 302
    assert client.get(SCHEDULES + f"edit/{schedule.pk}/").status_code == 302


def test_a_welsh_twin_of_an_existing_schedule_is_refused(schedule):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    for page in schedule.location.get_ancestors().filter(depth__gt=1):
        publish_translation(page.specific, welsh)
    welsh_type = schedule.appointment_type.copy_for_translation(welsh)
    welsh_type.save()
    twin = BookableSchedule(
        location=publish_translation(schedule.location, welsh),
        appointment_type=welsh_type,
        capacity=1,
    )
    with pytest.raises(ValidationError) as refused:
        twin.full_clean()
    assert "This location already has a schedule for this appointment type." in str(refused.value)
