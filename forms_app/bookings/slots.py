"""Which appointment times a schedule offers: pure Python, no database.

`availability` turns the models into a `Calendar` and `Rules`; everything here is plain values
so the tricky parts (clock changes, notice in working days, bank holidays) are tested directly.

Times are wall-clock times in Europe/London. A schedule saying 09:00 means 09:00 on the clock on
both sides of a clock change, so slots are laid out on the wall clock of each day and only then
given their offset. On the night the clocks go forward, a wall time between 01:00 and 02:00 does
not exist and is not offered; on the night they go back, 01:00–02:00 happens twice and its times
are offered once (the first time round), so no slot appears twice.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from zoneinfo import ZoneInfo

from forms_app.cases.working_days import add_working_days
from townhall.bank_holidays import uk_bank_holidays

from .enums import NoticeUnit

LONDON = ZoneInfo("Europe/London")
_UTC = dt.UTC


@dataclass(frozen=True)
class Stretch:
    """Appointments from `starts` until `ends` (wall-clock times on one day)."""

    starts: dt.time
    ends: dt.time


@dataclass(frozen=True)
class Rules:
    """An appointment type's rules for when it can be booked."""

    duration: dt.timedelta
    buffer: dt.timedelta = dt.timedelta(0)
    notice_amount: int = 0
    notice_unit: str = NoticeUnit.HOURS
    window_days: int = 28

    @property
    def step(self):
        return self.duration + self.buffer


@dataclass(frozen=True)
class Calendar:
    """A schedule's week, its dated exceptions and closures, and how many desks it has."""

    weekly: Mapping[int, Sequence[Stretch]]
    # A date mapped to an empty sequence is closed; otherwise its stretches replace the week's.
    exceptions: Mapping[dt.date, Sequence[Stretch]] = field(default_factory=dict)
    capacity: int = 1
    open_on_bank_holidays: bool = False
    bank_holiday_region: str = "ENG"
    # Dates the building itself is closed (the location's own closures), whatever the schedule.
    location_closed: frozenset[dt.date] = frozenset()


@dataclass(frozen=True)
class Slot:
    starts_at: dt.datetime  # aware, Europe/London
    ends_at: dt.datetime


@cache
def _bank_holidays(region, year):
    return uk_bank_holidays(region, years=year)


def is_bank_holiday(day: dt.date, region: str) -> bool:
    return day in _bank_holidays(region, day.year)


def stretches_on(calendar: Calendar, day: dt.date) -> tuple[Stretch, ...]:
    """The stretches of appointments on `day`: an exception beats a bank holiday beats the week."""
    if day in calendar.location_closed:
        return ()
    if day in calendar.exceptions:
        return tuple(calendar.exceptions[day])
    if not calendar.open_on_bank_holidays and is_bank_holiday(day, calendar.bank_holiday_region):
        return ()
    return tuple(calendar.weekly.get(day.weekday(), ()))


def _exists(naive: dt.datetime) -> bool:
    """False for a wall time skipped when the clocks go forward."""
    aware = naive.replace(tzinfo=LONDON)
    return aware.astimezone(_UTC).astimezone(LONDON).replace(tzinfo=None) == naive


def slots_on(calendar: Calendar, rules: Rules, day: dt.date) -> list[Slot]:
    """Every slot the schedule lays out on `day`, free or not, earliest first."""
    slots = {}
    for stretch in stretches_on(calendar, day):
        wall = dt.datetime.combine(day, stretch.starts)
        stretch_end = dt.datetime.combine(day, stretch.ends).replace(tzinfo=LONDON)
        while True:
            # fold=0: a time that happens twice is offered the first time round only.
            starts_at = wall.replace(tzinfo=LONDON)
            # Length is real time: an appointment across a clock change still lasts its length.
            ends_at = (starts_at.astimezone(_UTC) + rules.duration).astimezone(LONDON)
            if ends_at.astimezone(_UTC) > stretch_end.astimezone(_UTC):
                break
            if _exists(wall):
                slots[starts_at.astimezone(_UTC)] = Slot(starts_at, ends_at)
            wall += rules.step
            if wall.date() != day:
                break
    return [slots[key] for key in sorted(slots)]


def earliest_start(rules: Rules, now: dt.datetime, region: str) -> dt.datetime:
    """The first moment (in UTC) a resident booking at `now` may have an appointment."""
    # Everything compared in UTC: Python compares two London times by their wall clocks.
    now = now.astimezone(_UTC)
    if rules.notice_unit == NoticeUnit.WORKING_DAYS:
        # "2 working days' notice" on a Friday means Tuesday onwards: count whole days.
        today = now.astimezone(LONDON).date()
        first_day = add_working_days(today, rules.notice_amount, region)
        start_of_day = dt.datetime.combine(first_day, dt.time.min, tzinfo=LONDON)
        return max(start_of_day.astimezone(_UTC), now)
    return now + dt.timedelta(hours=rules.notice_amount)


def last_day(rules: Rules, now: dt.datetime) -> dt.date:
    """The last day residents may book: the window counts calendar days from today."""
    return now.astimezone(LONDON).date() + dt.timedelta(days=rules.window_days)


def bookable_days(rules: Rules, now: dt.datetime, region: str) -> list[dt.date]:
    first = earliest_start(rules, now, region).astimezone(LONDON).date()
    last = last_day(rules, now)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def offered_slots(
    calendar: Calendar, rules: Rules, now: dt.datetime, days: Iterable[dt.date] | None = None
) -> list[Slot]:
    """The slots residents may book at `now` (notice and window applied), ignoring seats."""
    earliest = earliest_start(rules, now, calendar.bank_holiday_region)
    now = now.astimezone(_UTC)
    latest_day = last_day(rules, now)
    if days is None:
        days = bookable_days(rules, now, calendar.bank_holiday_region)
    offered = []
    for day in days:
        if day > latest_day:
            continue
        offered.extend(
            slot
            for slot in slots_on(calendar, rules, day)
            if slot.starts_at.astimezone(_UTC) >= earliest and slot.starts_at.astimezone(_UTC) > now
        )
    return offered
