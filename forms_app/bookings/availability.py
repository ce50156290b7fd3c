"""Which days and times residents can book: the schedule's slots minus the seats already taken.

Every function works the same whichever language version of an appointment type or location it
is given: schedules point at the default-language versions and are found by `translation_key`.
Each call reads a fixed number of queries however long the booking window: the schedule with
its hours, exceptions and the location's closures (prefetched), and one query for the window's
seat counters.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from services.models import LocationPage

from . import slots
from .models import BookableSchedule, SlotSeats


@dataclass(frozen=True)
class FreeTime:
    starts_at: dt.datetime  # aware, Europe/London
    ends_at: dt.datetime
    seats_left: int

    @property
    def day(self):
        return self.starts_at.date()


def _schedules():
    return BookableSchedule.objects.select_related("appointment_type", "location").prefetch_related(
        "weekly_hours", "exceptions", "location__dated_hours"
    )


def schedule_for(appointment_type, location):
    """The schedule for this type at this location (in any language version), or None."""
    return (
        _schedules()
        .filter(
            appointment_type__translation_key=appointment_type.translation_key,
            location__translation_key=location.translation_key,
        )
        .order_by("pk")
        .first()
    )


def rules_for(appointment_type) -> slots.Rules:
    return slots.Rules(
        duration=appointment_type.duration,
        buffer=appointment_type.buffer,
        notice_amount=appointment_type.minimum_notice_amount,
        notice_unit=appointment_type.minimum_notice_unit,
        window_days=appointment_type.window_days,
    )


def calendar_for(schedule) -> slots.Calendar:
    """A schedule as plain values (its rows must be prefetched, as `schedule_for` does)."""
    weekly = {}
    for row in schedule.weekly_hours.all():
        weekly.setdefault(row.weekday, []).append(slots.Stretch(row.starts, row.ends))
    exceptions = {}
    for row in schedule.exceptions.all():
        stretches = exceptions.setdefault(row.date, [])
        # A closed row with open rows beside it for the same date: the open hours win.
        if not row.is_closed:
            stretches.append(slots.Stretch(row.starts, row.ends))
    location_closed = frozenset(
        row.date for row in schedule.location.dated_hours.all() if row.opens is None
    )
    return slots.Calendar(
        weekly=weekly,
        exceptions=exceptions,
        capacity=schedule.capacity,
        open_on_bank_holidays=schedule.open_on_bank_holidays,
        bank_holiday_region=settings.BANK_HOLIDAY_REGION,
        location_closed=location_closed,
    )


def _free_times(schedule, now, days=None) -> list[FreeTime]:
    rules = rules_for(schedule.appointment_type)
    offered = slots.offered_slots(calendar_for(schedule), rules, now, days)
    if not offered:
        return []
    # Keyed in UTC: Python never finds two aware times in the repeated October hour equal when
    # their time zones differ, so a London key would miss the database's UTC value.
    taken = dict(
        SlotSeats.objects.filter(
            schedule=schedule,
            starts_at__gte=offered[0].starts_at,
            starts_at__lte=offered[-1].starts_at,
        ).values_list("starts_at", "taken")
    )
    free = []
    for slot in offered:
        left = schedule.capacity - taken.get(slot.starts_at.astimezone(dt.UTC), 0)
        if left > 0:
            free.append(FreeTime(slot.starts_at, slot.ends_at, left))
    return free


def free_days(appointment_type, location, *, now=None) -> list[dt.date]:
    """The days, in order, with at least one free time."""
    schedule = schedule_for(appointment_type, location)
    if schedule is None:
        return []
    days = []
    for free in _free_times(schedule, now or timezone.now()):
        if not days or days[-1] != free.day:
            days.append(free.day)
    return days


def free_times(appointment_type, location, day, *, now=None) -> list[FreeTime]:
    """The free times on `day`, earliest first; none if the day is closed, full or out of reach."""
    schedule = schedule_for(appointment_type, location)
    if schedule is None:
        return []
    return _free_times(schedule, now or timezone.now(), [day])


def nearest_free_times(appointment_type, location, starts_at, *, count=3, now=None):
    """The `count` free times closest to `starts_at` (earlier or later), earliest first.

    For "That time has just been taken": the resident sees the times nearest the one they chose.
    """
    schedule = schedule_for(appointment_type, location)
    if schedule is None:
        return []
    free = _free_times(schedule, now or timezone.now())
    wanted = starts_at.astimezone(dt.UTC)

    def distance(free_time):
        # In UTC: subtracting two London times goes by their wall clocks.
        return abs(free_time.starts_at.astimezone(dt.UTC) - wanted)

    nearest = sorted(free, key=lambda f: (distance(f), f.starts_at.astimezone(dt.UTC)))[:count]
    return sorted(nearest, key=lambda f: f.starts_at.astimezone(dt.UTC))


def offered_slot(schedule, starts_at, now):
    """The slot starting at `starts_at` if the rules offer it at `now` (seats aside), or None."""
    wanted = starts_at.astimezone(dt.UTC)
    day = starts_at.astimezone(slots.LONDON).date()
    rules = rules_for(schedule.appointment_type)
    for slot in slots.offered_slots(calendar_for(schedule), rules, now, [day]):
        if slot.starts_at.astimezone(dt.UTC) == wanted:
            return slot
    return None


def bookable_locations(appointment_type):
    """Live locations with a schedule for this appointment type, in the schedules' language.

    Use `.localized` on each for the resident's language version.
    """
    return (
        LocationPage.objects.live()
        .filter(
            bookable_schedules__appointment_type__translation_key=(appointment_type.translation_key)
        )
        .distinct()
        .order_by("title")
    )
