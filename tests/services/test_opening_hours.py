"""Opening hours: which hours apply on a day, and what residents are told about now."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import translation

import holidays
import pytest

from services.opening_hours import (
    LOOKAHEAD_DAYS,
    DatedHours,
    DayReason,
    Schedule,
    Session,
    format_session,
    format_time,
)

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


def session(opens: str, closes: str) -> Session:
    return Session(dt.time.fromisoformat(opens), dt.time.fromisoformat(closes))


def at(year, month, day, hour=0, minute=0, tz=LONDON) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=tz)


NINE_TO_FIVE = [session("09:00", "17:00")]
WEEKDAYS_NINE_TO_FIVE = dict.fromkeys(range(5), NINE_TO_FIVE)
EVERY_DAY_NINE_TO_FIVE = dict.fromkeys(range(7), NINE_TO_FIVE)


@pytest.fixture
def office():
    """A council reception open 9am to 5pm on weekdays."""
    return Schedule(WEEKDAYS_NINE_TO_FIVE)


@pytest.fixture
def every_day_office():
    """Open every day of the week, so only bank holidays and overrides close it."""
    return Schedule(EVERY_DAY_NINE_TO_FIVE)


# GOV.UK time style


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("09:00", "9am"),
        ("17:30", "5:30pm"),
        ("12:00", "midday"),
        ("00:00", "midnight"),
        ("12:30", "12:30pm"),
        ("00:15", "12:15am"),
        ("13:05", "1:05pm"),
        ("23:59", "11:59pm"),
    ],
)
def test_times_follow_gov_uk_style(value, expected):
    assert format_time(dt.time.fromisoformat(value)) == expected


def test_session_reads_as_a_range():
    assert format_session(session("09:00", "12:30")) == "9am to 12:30pm"
    assert format_session(session("18:00", "00:00")) == "6pm to midnight"


# Bank holidays


def test_closed_on_every_english_bank_holiday_the_holidays_package_knows():
    schedule = Schedule(EVERY_DAY_NINE_TO_FIVE)
    expected = holidays.country_holidays("GB", subdiv="ENG", years=2026)
    assert expected  # guard against a silently empty calendar

    for day in expected:
        hours = schedule.sessions_on(day)
        assert hours.is_closed, day
        assert hours.reason == DayReason.BANK_HOLIDAY, day


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (dt.date(2026, 12, 25), "Christmas Day (bank holiday)"),
        (dt.date(2026, 4, 6), "Easter Monday (bank holiday)"),
        (dt.date(2026, 5, 4), "Early May bank holiday"),
        (dt.date(2026, 8, 31), "Summer bank holiday"),
        (dt.date(2026, 12, 28), "Boxing Day (substitute bank holiday)"),
    ],
)
def test_known_bank_holidays_are_closed_with_gov_uk_names(every_day_office, day, label):
    hours = every_day_office.sessions_on(day)

    assert hours.sessions == ()
    assert hours.reason == DayReason.BANK_HOLIDAY
    assert hours.note == label


def test_an_ordinary_day_uses_the_weekly_hours(every_day_office):
    hours = every_day_office.sessions_on(dt.date(2026, 4, 7))

    assert hours.sessions == tuple(NINE_TO_FIVE)
    assert hours.reason == DayReason.NORMAL
    assert hours.note == ""


def test_wales_has_the_same_bank_holidays_as_england():
    england = Schedule(EVERY_DAY_NINE_TO_FIVE, bank_holiday_region="ENG")
    wales = Schedule(EVERY_DAY_NINE_TO_FIVE, bank_holiday_region="WLS")
    year = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(365)]

    assert [england.sessions_on(d) for d in year] == [wales.sessions_on(d) for d in year]


def test_scottish_councils_follow_scottish_bank_holidays():
    scotland = Schedule(WEEKDAYS_NINE_TO_FIVE, bank_holiday_region="SCT")
    england = Schedule(WEEKDAYS_NINE_TO_FIVE)
    st_andrews_day = dt.date(2026, 11, 30)
    easter_monday = dt.date(2026, 4, 6)

    assert scotland.sessions_on(st_andrews_day).note == "St Andrew’s Day (bank holiday)"
    assert not england.sessions_on(st_andrews_day).is_closed
    assert not scotland.sessions_on(easter_monday).is_closed


def test_northern_irish_councils_close_for_st_patricks_day():
    schedule = Schedule(WEEKDAYS_NINE_TO_FIVE, bank_holiday_region="NIR")

    assert schedule.sessions_on(dt.date(2026, 3, 17)).note == "St Patrick’s Day (bank holiday)"


def test_bank_holidays_can_be_ignored():
    helpline = Schedule(EVERY_DAY_NINE_TO_FIVE, bank_holiday_region=None)

    assert helpline.sessions_on(dt.date(2026, 12, 25)).sessions == tuple(NINE_TO_FIVE)


def test_status_on_christmas_day_names_the_bank_holiday_and_skips_boxing_day(office):
    # Christmas Day 2026 is a Friday and Boxing Day's substitute is Monday 28th.
    status = office.status_at(at(2026, 12, 25, 10))

    assert not status.is_open
    assert status.opens_at == at(2026, 12, 29, 9)
    assert status.text == "Closed today for Christmas Day (bank holiday) – opens at 9am on Tuesday"


def test_status_on_a_substitute_bank_holiday(office):
    status = office.status_at(at(2026, 12, 28, 10))

    assert status.text == (
        "Closed today for Boxing Day (substitute bank holiday) – opens at 9am tomorrow"
    )


def test_status_on_easter_monday(office):
    assert office.status_at(at(2026, 4, 6, 12)).text == (
        "Closed today for Easter Monday (bank holiday) – opens at 9am tomorrow"
    )


def test_status_on_the_early_may_bank_holiday(office):
    assert office.status_at(at(2026, 5, 4, 12)).text == (
        "Closed today for Early May bank holiday – opens at 9am tomorrow"
    )


# Dated overrides


def test_an_override_opens_on_a_bank_holiday():
    special = DatedHours(dt.date(2026, 12, 28), [session("10:00", "14:00")], "Reduced hours")
    schedule = Schedule(WEEKDAYS_NINE_TO_FIVE, overrides=[special])

    hours = schedule.sessions_on(dt.date(2026, 12, 28))
    assert hours.sessions == (session("10:00", "14:00"),)
    assert hours.reason == DayReason.OVERRIDE
    assert hours.note == "Reduced hours"

    status = schedule.status_at(at(2026, 12, 28, 11))
    assert status.is_open
    assert status.closes_at == at(2026, 12, 28, 14)
    assert status.text == "Open now – closes at 2pm"

    assert schedule.status_at(at(2026, 12, 28, 9, 30)).text == "Closed – opens at 10am"


def test_an_override_closes_a_normal_day():
    training = DatedHours(dt.date(2026, 6, 10), [], "staff training")
    schedule = Schedule(WEEKDAYS_NINE_TO_FIVE, overrides=[training])

    hours = schedule.sessions_on(dt.date(2026, 6, 10))
    assert hours.is_closed
    assert hours.reason == DayReason.OVERRIDE

    status = schedule.status_at(at(2026, 6, 10, 11))
    assert not status.is_open
    assert status.text == "Closed today for staff training – opens at 9am tomorrow"


def test_an_override_without_a_note_still_says_today_is_unusual():
    schedule = Schedule(WEEKDAYS_NINE_TO_FIVE, overrides=[DatedHours(dt.date(2026, 6, 10))])

    assert schedule.status_at(at(2026, 6, 10, 11)).text == "Closed today – opens at 9am tomorrow"


def test_two_overrides_for_one_date_are_refused():
    day = dt.date(2026, 6, 10)

    with pytest.raises(ValueError, match="2026-06-10"):
        Schedule({}, overrides=[DatedHours(day), DatedHours(day, NINE_TO_FIVE)])


# Sessions past midnight


@pytest.fixture
def late_night():
    """Open Friday 6pm to 2am Saturday."""
    return Schedule({4: [session("18:00", "02:00")]})


def test_friday_night_session_is_still_open_at_one_on_saturday(late_night):
    status = late_night.status_at(at(2026, 6, 13, 1))

    assert status.is_open
    assert status.closes_at == at(2026, 6, 13, 2)
    assert status.text == "Open now – closes at 2am"


def test_friday_evening_says_it_closes_at_2am(late_night):
    assert late_night.status_at(at(2026, 6, 12, 19)).text == "Open now – closes at 2am"


def test_closed_once_the_late_session_ends(late_night):
    status = late_night.status_at(at(2026, 6, 13, 2))

    assert not status.is_open
    assert status.opens_at == at(2026, 6, 19, 18)
    assert status.text == "Closed – opens at 6pm on Friday"


def test_a_late_session_runs_into_a_bank_holiday():
    # The session belongs to Christmas Eve, so Christmas Day's closure does not cut it short.
    schedule = Schedule({3: [session("18:00", "02:00")]})

    assert schedule.status_at(at(2026, 12, 25, 1)).text == "Open now – closes at 2am"


def test_sessions_that_meet_at_midnight_count_as_one_opening():
    schedule = Schedule({4: [session("18:00", "00:00")], 5: [session("00:00", "02:00")]})

    status = schedule.status_at(at(2026, 6, 12, 23))
    assert status.closes_at == at(2026, 6, 13, 2)
    assert status.text == "Open now – closes at 2am"


def test_closing_at_midnight_and_midday_read_in_words():
    schedule = Schedule({0: [session("00:00", "12:00"), session("18:00", "00:00")]})

    assert schedule.status_at(at(2026, 6, 8, 10)).text == "Open now – closes at midday"
    assert schedule.status_at(at(2026, 6, 8, 20)).text == "Open now – closes at midnight"


# Time zones and clock changes


def test_a_utc_moment_in_summer_is_read_as_british_summer_time(office):
    # 08:30 UTC on 1 July is 09:30 BST, when the office is open.
    status = office.status_at(at(2026, 7, 1, 8, 30, tz=UTC))

    assert status.is_open
    assert status.closes_at == at(2026, 7, 1, 17)
    assert status.closes_at.tzinfo == LONDON
    assert status.closes_at.astimezone(UTC).hour == 16
    assert status.text == "Open now – closes at 5pm"


def test_a_moment_in_another_time_zone(office):
    # 04:30 in New York is 09:30 in London in July.
    status = office.status_at(at(2026, 7, 1, 4, 30, tz=ZoneInfo("America/New_York")))

    assert status.is_open


def test_a_utc_moment_just_before_opening_in_summer(office):
    # 07:59 UTC is 08:59 BST: still closed, even though 07:59 in GMT terms would be too.
    status = office.status_at(at(2026, 7, 1, 7, 59, tz=UTC))

    assert not status.is_open
    assert status.opens_at == at(2026, 7, 1, 9)
    assert status.text == "Closed – opens at 9am"


def test_utc_and_local_dates_differ_near_midnight(office):
    # 23:30 UTC on Friday is 00:30 BST on Saturday, so the office next opens on Monday.
    status = office.status_at(at(2026, 7, 3, 23, 30, tz=UTC))

    assert status.text == "Closed – opens at 9am on Monday"


@pytest.fixture
def sunday_opening():
    return Schedule({6: [session("10:00", "16:00")]})


def test_clocks_going_forward_on_sunday(sunday_opening):
    # BST starts 29 March 2026: 09:30 UTC is 10:30 local, so it is open.
    status = sunday_opening.status_at(at(2026, 3, 29, 9, 30, tz=UTC))

    assert status.is_open
    assert status.closes_at == at(2026, 3, 29, 16)
    assert status.closes_at.astimezone(UTC) == at(2026, 3, 29, 15, tz=UTC)


def test_clocks_going_back_on_sunday(sunday_opening):
    # BST ends 25 October 2026: 09:30 UTC is 09:30 local, so it is not open yet.
    status = sunday_opening.status_at(at(2026, 10, 25, 9, 30, tz=UTC))

    assert not status.is_open
    assert status.opens_at.astimezone(UTC) == at(2026, 10, 25, 10, tz=UTC)
    assert status.text == "Closed – opens at 10am"


@pytest.mark.parametrize(
    ("utc_moment", "is_open"),
    [
        # Saturday 22:00 GMT to Sunday 04:00 BST is five real hours: 22:00 to 03:00 UTC.
        (at(2026, 3, 28, 22, 0, tz=UTC), True),
        (at(2026, 3, 29, 2, 30, tz=UTC), True),
        (at(2026, 3, 29, 3, 0, tz=UTC), False),
    ],
)
def test_a_night_session_across_the_spring_clock_change(utc_moment, is_open):
    schedule = Schedule({5: [session("22:00", "04:00")]})

    assert schedule.status_at(utc_moment).is_open is is_open


@pytest.mark.parametrize(
    ("utc_moment", "is_open"),
    [
        # Saturday 22:00 BST to Sunday 04:00 GMT is seven real hours: 21:00 to 04:00 UTC.
        (at(2026, 10, 24, 20, 59, tz=UTC), False),
        (at(2026, 10, 24, 21, 0, tz=UTC), True),
        (at(2026, 10, 25, 3, 59, tz=UTC), True),
        (at(2026, 10, 25, 4, 0, tz=UTC), False),
    ],
)
def test_a_night_session_across_the_autumn_clock_change(utc_moment, is_open):
    schedule = Schedule({5: [session("22:00", "04:00")]})

    status = schedule.status_at(utc_moment)
    assert status.is_open is is_open
    if is_open:
        assert status.text == "Open now – closes at 4am"


def test_a_naive_moment_is_refused(office):
    with pytest.raises(ValueError, match="aware"):
        office.status_at(dt.datetime(2026, 7, 1, 9, 30))


# When it next opens


def test_next_opening_tomorrow(office):
    status = office.status_at(at(2026, 6, 8, 18))

    assert status.opens_at == at(2026, 6, 9, 9)
    assert status.text == "Closed – opens at 9am tomorrow"


def test_next_opening_later_this_week():
    schedule = Schedule({1: [session("09:30", "16:00")]})

    # Saturday 13 June 2026; the next Tuesday is three days later.
    assert schedule.status_at(at(2026, 6, 13, 12)).text == "Closed – opens at 9:30am on Tuesday"


def test_next_opening_more_than_six_days_ahead_gives_the_date():
    schedule = Schedule({2: [session("10:00", "12:00")]})

    # Wednesday 17 December 2025, after closing: the next opening is a week away.
    status = schedule.status_at(at(2025, 12, 17, 13))
    assert status.opens_at == at(2025, 12, 24, 10)
    assert status.text == "Closed – opens at 10am on Wednesday 24 December"


def test_next_opening_later_today(office):
    assert office.status_at(at(2026, 6, 8, 7)).text == "Closed – opens at 9am"


def test_a_weekend_says_monday(office):
    assert office.status_at(at(2026, 6, 13, 12)).text == "Closed – opens at 9am on Monday"


# Lunch closures


@pytest.fixture
def lunch_closure():
    return Schedule(
        {day: [session("09:00", "12:30"), session("13:30", "17:00")] for day in range(5)}
    )


def test_open_in_the_morning_until_lunch(lunch_closure):
    status = lunch_closure.status_at(at(2026, 6, 8, 12))

    assert status.is_open
    assert status.text == "Open now – closes at 12:30pm"


def test_closed_over_lunch(lunch_closure):
    status = lunch_closure.status_at(at(2026, 6, 8, 12, 45))

    assert not status.is_open
    assert status.opens_at == at(2026, 6, 8, 13, 30)
    assert status.text == "Closed – opens at 1:30pm"


def test_open_in_the_afternoon(lunch_closure):
    assert lunch_closure.status_at(at(2026, 6, 8, 13, 30)).text == "Open now – closes at 5pm"


# Schedules that never open or never close


def test_a_schedule_with_no_sessions_says_closed():
    status = Schedule({}).status_at(at(2026, 6, 8, 12))

    assert not status.is_open
    assert status.opens_at is None
    assert status.closes_at is None
    assert status.text == "Closed"
    assert str(status) == "Closed"


def test_a_schedule_with_no_sessions_still_names_a_bank_holiday():
    status = Schedule({}).status_at(at(2026, 12, 25, 12))

    assert status.text == "Closed today for Christmas Day (bank holiday)"


def test_an_opening_beyond_the_lookahead_is_not_promised():
    far_off = dt.date(2026, 6, 8) + dt.timedelta(days=LOOKAHEAD_DAYS + 5)
    schedule = Schedule({}, overrides=[DatedHours(far_off, NINE_TO_FIVE, "Open day")])

    assert schedule.status_at(at(2026, 6, 8, 12)).opens_at is None


def test_open_all_hours_has_no_closing_time():
    always = Schedule(
        {day: [session("00:00", "00:00")] for day in range(7)}, bank_holiday_region=None
    )
    status = always.status_at(at(2026, 6, 8, 12))

    assert status.is_open
    assert status.closes_at is None
    assert status.text == "Open now"


def test_closing_more_than_a_day_away_names_the_day():
    # Open from Monday 9am straight through to Tuesday 5pm.
    schedule = Schedule({0: [session("09:00", "00:00")], 1: [session("00:00", "17:00")]})

    assert schedule.status_at(at(2026, 6, 8, 10)).text == "Open now – closes at 5pm tomorrow"


# The week table


def test_week_from_covers_seven_days_with_reasons():
    schedule = Schedule(
        WEEKDAYS_NINE_TO_FIVE,
        overrides=[DatedHours(dt.date(2026, 4, 8), [session("10:00", "13:00")], "Half day")],
    )

    week = schedule.week_from(dt.date(2026, 4, 3))

    assert [day.date for day in week] == [dt.date(2026, 4, 3) + dt.timedelta(n) for n in range(7)]
    assert [(day.reason, day.note) for day in week] == [
        (DayReason.BANK_HOLIDAY, "Good Friday (bank holiday)"),
        (DayReason.NORMAL, ""),
        (DayReason.NORMAL, ""),
        (DayReason.BANK_HOLIDAY, "Easter Monday (bank holiday)"),
        (DayReason.NORMAL, ""),
        (DayReason.OVERRIDE, "Half day"),
        (DayReason.NORMAL, ""),
    ]
    assert [day.is_closed for day in week] == [True, True, True, True, False, False, False]
    assert week[5].sessions == (session("10:00", "13:00"),)


# Validation and translation


def test_weekday_numbers_outside_the_week_are_refused():
    with pytest.raises(ValueError, match=r"\[7\]"):
        Schedule({7: NINE_TO_FIVE})


def test_unknown_bank_holiday_region_is_refused():
    with pytest.raises(ValueError, match="region"):
        Schedule({}, bank_holiday_region="XYZ")


def test_day_names_follow_the_active_language():
    schedule = Schedule({1: [session("09:30", "16:00")]})

    with translation.override("cy"):
        text = schedule.status_at(at(2026, 6, 13, 12)).text

    assert "Dydd Mawrth" in text
