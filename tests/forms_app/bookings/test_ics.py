"""The calendar file: what a resident's calendar reads back from it."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.test import override_settings

import icalendar
import pytest

from forms_app.bookings.ics import CalendarEvent, calendar_file, event_uid, filename

LONDON = ZoneInfo("Europe/London")


def _event(**changes):
    values = {
        "reference": "HT7K9QWX",
        "summary": "Council tax advice at Central Library",
        "starts_at": dt.datetime(2026, 12, 8, 10, 30, tzinfo=LONDON),
        "ends_at": dt.datetime(2026, 12, 8, 11, 0, tzinfo=LONDON),
        "location": "Central Library, 1 High Street, Testtown, TE1 1ST",
        "description": "Reference: HT7K9QWX\n\nWhat to bring:\nYour latest council tax bill",
    }
    return CalendarEvent(**{**values, **changes})


def _parse(data):
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


@override_settings(PUBLIC_BASE_URL="https://www.testshire.gov.uk")
def test_a_calendar_reads_back_the_appointment():
    calendar, event = _parse(calendar_file(_event()))

    assert calendar["version"] == "2.0"
    assert calendar["method"] == "PUBLISH"
    assert str(event["uid"]) == "HT7K9QWX@www.testshire.gov.uk"
    assert event["summary"] == "Council tax advice at Central Library"
    assert event["location"] == "Central Library, 1 High Street, Testtown, TE1 1ST"
    assert "Your latest council tax bill" in event["description"]
    assert event["status"] == "CONFIRMED"
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2026, 12, 8, 10, 30, tzinfo=LONDON)
    assert end - start == dt.timedelta(minutes=30)


def test_times_are_written_in_utc_and_right_across_the_clock_change():
    # 10:30 in British Summer Time is 09:30 UTC; the same in winter is 10:30 UTC.
    summer = _event(
        starts_at=dt.datetime(2026, 10, 23, 10, 30, tzinfo=LONDON),
        ends_at=dt.datetime(2026, 10, 23, 11, 0, tzinfo=LONDON),
    )
    winter = _event(
        starts_at=dt.datetime(2026, 10, 26, 10, 30, tzinfo=LONDON),
        ends_at=dt.datetime(2026, 10, 26, 11, 0, tzinfo=LONDON),
    )

    assert b"DTSTART:20261023T093000Z" in calendar_file(summer)
    assert b"DTSTART:20261026T103000Z" in calendar_file(winter)
    _calendar, event = _parse(calendar_file(summer))
    assert event.decoded("dtstart").astimezone(LONDON).hour == 10


def test_a_changed_appointment_replaces_the_entry_and_a_cancelled_one_removes_it():
    _calendar, moved = _parse(calendar_file(_event(sequence=2)))
    calendar, cancelled = _parse(calendar_file(_event(cancelled=True)))

    assert moved["sequence"] == 2
    assert str(moved["uid"]) == str(cancelled["uid"])
    assert calendar["method"] == "CANCEL"
    assert cancelled["status"] == "CANCELLED"


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        calendar_file(_event(starts_at=dt.datetime(2026, 12, 8, 10, 30)))


@pytest.mark.django_db
def test_without_a_public_address_the_uid_still_names_the_booking():
    assert event_uid("HT7K9QWX").startswith("HT7K9QWX@")
    assert filename("HT7K9QWX") == "appointment-HT7K9QWX.ics"
