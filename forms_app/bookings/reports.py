"""The reception service standard, per location per week: were residents seen on time, how many
did not come, and how much of the offered capacity was booked.

- Seen on time: of the appointments called in, the share called within
  `settings.BOOKINGS_SEEN_WITHIN_MINUTES` (default 5) of their appointment time.
- No-show rate: of the appointments due (not cancelled or moved, walk-ins aside), the share
  marked as did not attend.
- Capacity used: seats booked out of the seats the schedules offered (slots × desks).
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from . import availability, slots
from .enums import BookingStatus
from .models import BookableSchedule, Booking


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


@dataclass
class WeekRow:
    location: str
    week: dt.date  # the Monday
    appointments: int = 0
    seen: int = 0
    seen_on_time: int = 0
    no_shows: int = 0
    seats_offered: int = 0
    seats_taken: int = 0

    @property
    def on_time_share(self):
        return _percent(self.seen_on_time, self.seen)

    @property
    def no_show_rate(self):
        return _percent(self.no_shows, self.appointments)

    @property
    def capacity_used(self):
        return _percent(self.seats_taken, self.seats_offered)


def _monday(day):
    return day - dt.timedelta(days=day.weekday())


def service_standard(weeks=8, *, now=None, within_minutes=None):
    """One row per location and week, the latest `weeks` weeks to this one, newest first.

    Appointments and no-shows count only times already past; seats count the whole week.
    """
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    within = dt.timedelta(minutes=within_minutes or settings.BOOKINGS_SEEN_WITHIN_MINUTES)
    first = _monday(today) - dt.timedelta(weeks=weeks - 1)
    after = _monday(today) + dt.timedelta(weeks=1)
    rows = {}

    def row(location, day):
        key = (location.pk, _monday(day))
        if key not in rows:
            rows[key] = WeekRow(location.title, _monday(day))
        return rows[key]

    schedules = BookableSchedule.objects.select_related(
        "appointment_type", "location"
    ).prefetch_related("weekly_hours", "exceptions", "location__dated_hours")
    for schedule in schedules:
        calendar = availability.calendar_for(schedule)
        rules = availability.rules_for(schedule.appointment_type)
        for offset in range((after - first).days):
            day = first + dt.timedelta(days=offset)
            offered = len(slots.slots_on(calendar, rules, day)) * schedule.capacity
            if offered:
                row(schedule.location, day).seats_offered += offered

    start = dt.datetime.combine(first, dt.time.min, tzinfo=slots.LONDON)
    end = dt.datetime.combine(after, dt.time.min, tzinfo=slots.LONDON)
    bookings = (
        Booking.objects.filter(starts_at__gte=start, starts_at__lt=end, walk_in=False)
        .exclude(status__in=[BookingStatus.CANCELLED, BookingStatus.MOVED])
        .select_related("location")
    )
    for booking in bookings:
        week = row(booking.location, timezone.localtime(booking.starts_at).date())
        if booking.slot_id:
            week.seats_taken += 1
        if booking.starts_at > now:
            continue
        week.appointments += 1
        if booking.status == BookingStatus.NO_SHOW:
            week.no_shows += 1
        if booking.called_at:
            week.seen += 1
            if booking.called_at - booking.starts_at <= within:
                week.seen_on_time += 1
    return sorted(rows.values(), key=lambda r: (-r.week.toordinal(), r.location))
