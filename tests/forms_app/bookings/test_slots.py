"""Which times a schedule offers: pure rules, no database."""

import datetime as dt

import pytest

from forms_app.bookings.enums import NoticeUnit
from forms_app.bookings.slots import (
    LONDON,
    Calendar,
    Rules,
    Stretch,
    offered_slots,
    slots_on,
)

UTC = dt.UTC
WEEKDAYS_9_TO_12 = {day: [Stretch(dt.time(9), dt.time(12))] for day in range(5)}
HALF_HOUR = Rules(duration=dt.timedelta(minutes=30))


def london(*args):
    return dt.datetime(*args, tzinfo=LONDON)


def local_times(slots):
    return [slot.starts_at.strftime("%a %d %b %H:%M") for slot in slots]


def test_slots_fill_the_stretch_and_none_runs_past_its_end():
    calendar = Calendar(weekly={0: [Stretch(dt.time(9), dt.time(10, 45))]})
    slots = slots_on(calendar, HALF_HOUR, dt.date(2026, 6, 1))
    assert [s.starts_at.strftime("%H:%M") for s in slots] == ["09:00", "09:30", "10:00"]
    assert slots[-1].ends_at == london(2026, 6, 1, 10, 30)


def test_buffer_leaves_a_gap_after_each_appointment():
    calendar = Calendar(weekly={0: [Stretch(dt.time(9), dt.time(11))]})
    rules = Rules(duration=dt.timedelta(minutes=30), buffer=dt.timedelta(minutes=15))
    slots = slots_on(calendar, rules, dt.date(2026, 6, 1))
    assert [s.starts_at.strftime("%H:%M") for s in slots] == ["09:00", "09:45", "10:30"]
    assert slots[0].ends_at.strftime("%H:%M") == "09:30"


def test_several_stretches_in_a_day_for_appointment_afternoons():
    calendar = Calendar(
        weekly={1: [Stretch(dt.time(13), dt.time(14)), Stretch(dt.time(9), dt.time(10))]}
    )
    slots = slots_on(calendar, HALF_HOUR, dt.date(2026, 6, 2))
    assert [s.starts_at.strftime("%H:%M") for s in slots] == ["09:00", "09:30", "13:00", "13:30"]


def test_no_slots_on_a_day_without_hours():
    assert slots_on(Calendar(weekly=WEEKDAYS_9_TO_12), HALF_HOUR, dt.date(2026, 6, 6)) == []


def test_dated_exception_closes_a_day_or_changes_its_hours():
    calendar = Calendar(
        weekly=WEEKDAYS_9_TO_12,
        exceptions={
            dt.date(2026, 6, 1): [],
            dt.date(2026, 6, 2): [Stretch(dt.time(14), dt.time(15))],
            # A Saturday opened specially.
            dt.date(2026, 6, 6): [Stretch(dt.time(10), dt.time(11))],
        },
    )
    assert slots_on(calendar, HALF_HOUR, dt.date(2026, 6, 1)) == []
    tuesday = slots_on(calendar, HALF_HOUR, dt.date(2026, 6, 2))
    assert [s.starts_at.strftime("%H:%M") for s in tuesday] == ["14:00", "14:30"]
    saturday = slots_on(calendar, HALF_HOUR, dt.date(2026, 6, 6))
    assert [s.starts_at.strftime("%H:%M") for s in saturday] == ["10:00", "10:30"]


def test_the_locations_own_closure_closes_appointments_too():
    calendar = Calendar(weekly=WEEKDAYS_9_TO_12, location_closed=frozenset({dt.date(2026, 6, 3)}))
    assert slots_on(calendar, HALF_HOUR, dt.date(2026, 6, 3)) == []


@pytest.mark.parametrize(
    "holiday",
    [dt.date(2026, 5, 25), dt.date(2026, 12, 25), dt.date(2026, 12, 28), dt.date(2026, 4, 6)],
    ids=["spring bank holiday", "Christmas", "Boxing Day substitute", "Easter Monday"],
)
def test_bank_holidays_are_closed_by_default(holiday):
    calendar = Calendar(weekly=WEEKDAYS_9_TO_12)
    assert slots_on(calendar, HALF_HOUR, holiday) == []
    opened = Calendar(weekly=WEEKDAYS_9_TO_12, open_on_bank_holidays=True)
    assert len(slots_on(opened, HALF_HOUR, holiday)) == 6


def test_an_exception_opens_one_bank_holiday():
    calendar = Calendar(
        weekly=WEEKDAYS_9_TO_12,
        exceptions={dt.date(2026, 5, 25): [Stretch(dt.time(9), dt.time(10))]},
    )
    assert len(slots_on(calendar, HALF_HOUR, dt.date(2026, 5, 25))) == 2


def test_bank_holidays_follow_the_region():
    # St Andrew's Day (30 November 2026, a Monday) is a bank holiday in Scotland only.
    day = dt.date(2026, 11, 30)
    assert (
        slots_on(Calendar(weekly=WEEKDAYS_9_TO_12, bank_holiday_region="SCT"), HALF_HOUR, day) == []
    )
    assert slots_on(Calendar(weekly=WEEKDAYS_9_TO_12, bank_holiday_region="WLS"), HALF_HOUR, day)


def test_minimum_notice_in_hours_hides_times_too_soon():
    calendar = Calendar(weekly={0: [Stretch(dt.time(9), dt.time(17))]})
    rules = Rules(duration=dt.timedelta(minutes=30), notice_amount=2, notice_unit=NoticeUnit.HOURS)
    now = london(2026, 6, 1, 10, 10)
    offered = offered_slots(calendar, rules, now, [dt.date(2026, 6, 1)])
    assert offered[0].starts_at == london(2026, 6, 1, 12, 30)


def test_no_notice_still_never_offers_a_time_already_started():
    calendar = Calendar(weekly={0: [Stretch(dt.time(9), dt.time(17))]})
    now = london(2026, 6, 1, 10, 0)
    offered = offered_slots(calendar, HALF_HOUR, now, [dt.date(2026, 6, 1)])
    assert offered[0].starts_at == london(2026, 6, 1, 10, 30)


def test_minimum_notice_in_working_days_skips_weekends_and_bank_holidays():
    # Thursday before Easter: Good Friday and Easter Monday are not working days, so two working
    # days' notice means Wednesday.
    calendar = Calendar(weekly=WEEKDAYS_9_TO_12, open_on_bank_holidays=True)
    rules = Rules(
        duration=dt.timedelta(minutes=30), notice_amount=2, notice_unit=NoticeUnit.WORKING_DAYS
    )
    offered = offered_slots(calendar, rules, london(2026, 4, 2, 8, 0))
    assert offered[0].starts_at == london(2026, 4, 8, 9, 0)


def test_minimum_notice_of_one_working_day_on_a_friday_is_monday():
    calendar = Calendar(weekly=WEEKDAYS_9_TO_12)
    rules = Rules(
        duration=dt.timedelta(minutes=30), notice_amount=1, notice_unit=NoticeUnit.WORKING_DAYS
    )
    offered = offered_slots(calendar, rules, london(2026, 6, 5, 16, 0))
    assert offered[0].starts_at == london(2026, 6, 8, 9, 0)


def test_booking_window_ends_the_offer():
    calendar = Calendar(weekly={day: [Stretch(dt.time(9), dt.time(10))] for day in range(7)})
    rules = Rules(duration=dt.timedelta(minutes=60), window_days=7)
    offered = offered_slots(calendar, rules, london(2026, 6, 1, 12, 0))
    days = [slot.starts_at.date() for slot in offered]
    assert days[0] == dt.date(2026, 6, 2)
    assert days[-1] == dt.date(2026, 6, 8)
    assert len(days) == 7


class TestClockChanges:
    """Clocks go forward at 01:00 GMT on 29 March 2026 and back at 02:00 BST on 25 October."""

    def test_nine_oclock_is_nine_oclock_on_both_sides_of_the_spring_change(self):
        calendar = Calendar(weekly={day: [Stretch(dt.time(9), dt.time(10))] for day in range(7)})
        rules = Rules(duration=dt.timedelta(minutes=60), window_days=4)
        offered = offered_slots(calendar, rules, london(2026, 3, 27, 12, 0))
        assert local_times(offered) == [
            "Sat 28 Mar 09:00",
            "Sun 29 Mar 09:00",
            "Mon 30 Mar 09:00",
            "Tue 31 Mar 09:00",
        ]
        utc = [slot.starts_at.astimezone(UTC).strftime("%d %H:%M") for slot in offered]
        assert utc == ["28 09:00", "29 08:00", "30 08:00", "31 08:00"]

    def test_nine_oclock_is_nine_oclock_on_both_sides_of_the_autumn_change(self):
        calendar = Calendar(weekly={day: [Stretch(dt.time(9), dt.time(10))] for day in range(7)})
        rules = Rules(duration=dt.timedelta(minutes=60), window_days=3)
        offered = offered_slots(calendar, rules, london(2026, 10, 23, 12, 0))
        assert local_times(offered) == ["Sat 24 Oct 09:00", "Sun 25 Oct 09:00", "Mon 26 Oct 09:00"]
        utc = [slot.starts_at.astimezone(UTC).strftime("%d %H:%M") for slot in offered]
        assert utc == ["24 08:00", "25 09:00", "26 09:00"]

    def test_the_missing_hour_in_march_is_not_offered_and_nothing_else_is_lost(self):
        calendar = Calendar(weekly={6: [Stretch(dt.time(0), dt.time(4))]})
        slots = slots_on(calendar, HALF_HOUR, dt.date(2026, 3, 29))
        assert [s.starts_at.strftime("%H:%M %Z") for s in slots] == [
            "00:00 GMT",
            "00:30 GMT",
            # 01:00 to 02:00 does not exist on the clock that night.
            "02:00 BST",
            "02:30 BST",
            "03:00 BST",
            "03:30 BST",
        ]
        # Each lasts half an hour of real time, even the one the clocks jump over.
        # (Subtract in UTC: Python subtracts two London times by their wall clocks.)
        lengths = {s.ends_at.astimezone(UTC) - s.starts_at.astimezone(UTC) for s in slots}
        assert lengths == {dt.timedelta(minutes=30)}
        assert slots[1].ends_at.strftime("%H:%M %Z") == "02:00 BST"

    def test_the_repeated_hour_in_october_is_offered_once(self):
        calendar = Calendar(weekly={6: [Stretch(dt.time(0), dt.time(3))]})
        slots = slots_on(calendar, HALF_HOUR, dt.date(2026, 10, 25))
        starts = [s.starts_at.astimezone(UTC) for s in slots]
        assert len(starts) == len(set(starts))
        assert [s.starts_at.strftime("%H:%M %Z") for s in slots] == [
            "00:00 BST",
            "00:30 BST",
            "01:00 BST",
            "01:30 BST",
            "02:00 GMT",
            "02:30 GMT",
        ]

    def test_office_hours_on_the_change_days_give_a_full_day_of_slots(self):
        calendar = Calendar(weekly={6: [Stretch(dt.time(9), dt.time(17))]})
        for day in (dt.date(2026, 3, 29), dt.date(2026, 10, 25)):
            slots = slots_on(calendar, HALF_HOUR, day)
            assert len(slots) == 16
            assert slots[0].starts_at.strftime("%H:%M") == "09:00"
            assert slots[-1].ends_at.strftime("%H:%M") == "17:00"
