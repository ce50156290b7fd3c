"""Opening hours for reception points and libraries: is it open now, and when does that change?

Pure Python so that page models, templates and tests can all use it without a database. The
caller turns whatever editors entered into `Session`, `WeeklyHours` and `DatedHours` values and
builds a `Schedule`; this module decides which hours apply on a day (a dated override beats a bank
holiday, which beats the usual week) and words the answer for residents in GOV.UK style.
"""

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from townhall.bank_holidays import uk_bank_holidays

# How far ahead to look for the next opening or closing before saying nothing about it.
LOOKAHEAD_DAYS = 14

BANK_HOLIDAY_REGIONS = ("ENG", "WLS", "SCT", "NIR")

_UTC = dt.UTC


@dataclass(frozen=True)
class Session:
    """One stretch of opening. A close at or before the open runs past midnight (18:00–02:00)."""

    opens: dt.time
    closes: dt.time

    @property
    def crosses_midnight(self) -> bool:
        return self.closes <= self.opens

    def interval_on(self, day: dt.date, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
        """When this session starts and ends (in UTC) if it begins on `day` in `tz`."""
        end_day = day + dt.timedelta(days=1) if self.crosses_midnight else day
        # Compare in UTC: Python compares datetimes that share a tzinfo by wall-clock time, which
        # is wrong across a clock change.
        start = dt.datetime.combine(day, self.opens, tzinfo=tz).astimezone(_UTC)
        end = dt.datetime.combine(end_day, self.closes, tzinfo=tz).astimezone(_UTC)
        return start, end


# Weekday (0 = Monday … 6 = Sunday) to that day's sessions; a missing weekday is closed.
WeeklyHours = Mapping[int, Sequence[Session]]


@dataclass(frozen=True)
class DatedHours:
    """Hours for one date that replace the usual ones. No sessions means closed all day."""

    date: dt.date
    sessions: Sequence[Session] = ()
    note: str = ""


class DayReason(enum.StrEnum):
    NORMAL = "normal"
    OVERRIDE = "override"
    BANK_HOLIDAY = "bank_holiday"


@dataclass(frozen=True)
class DayHours:
    """The sessions that apply on one date, and why."""

    date: dt.date
    sessions: tuple[Session, ...]
    reason: DayReason
    # The override's note or the bank holiday's name; empty on a normal day.
    note: str = ""

    @property
    def is_closed(self) -> bool:
        return not self.sessions


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    # In the schedule's time zone; None when the change is more than LOOKAHEAD_DAYS away.
    opens_at: dt.datetime | None
    closes_at: dt.datetime | None
    text: str
    today: DayHours

    def __str__(self) -> str:
        return self.text


def format_time(value: dt.time) -> str:
    """A time in GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if value.hour == 0 and value.minute == 0:
        return _("midnight")
    if value.hour == 12 and value.minute == 0:
        return _("midday")
    hour = value.hour % 12 or 12
    clock = f"{hour}:{value.minute:02d}" if value.minute else str(hour)
    if value.hour < 12:
        # Translators: a morning time such as "9am" or "9:30am"; time is "9" or "9:30".
        return _("%(time)sam") % {"time": clock}
    # Translators: an afternoon or evening time such as "5pm" or "5:30pm".
    return _("%(time)spm") % {"time": clock}


def format_session(session: Session) -> str:
    """A session as a range for tables, e.g. "9am to 5:30pm"."""
    return _("%(opens)s to %(closes)s") % {
        "opens": format_time(session.opens),
        "closes": format_time(session.closes),
    }


# GOV.UK's names for the `holidays` package's names, so residents see familiar, translatable
# wording. The flag marks names that already say "bank holiday" and need no suffix.
_BANK_HOLIDAY_NAMES = {
    "New Year's Day": (gettext_lazy("New Year’s Day"), False),
    "New Year Holiday": (gettext_lazy("2 January"), False),
    "Saint Patrick's Day": (gettext_lazy("St Patrick’s Day"), False),
    "Battle of the Boyne": (gettext_lazy("Battle of the Boyne (Orangemen’s Day)"), False),
    "Good Friday": (gettext_lazy("Good Friday"), False),
    "Easter Monday": (gettext_lazy("Easter Monday"), False),
    "May Day": (gettext_lazy("Early May bank holiday"), True),
    "Spring Bank Holiday": (gettext_lazy("Spring bank holiday"), True),
    "Summer Bank Holiday": (gettext_lazy("Summer bank holiday"), True),
    "Late Summer Bank Holiday": (gettext_lazy("Summer bank holiday"), True),
    "Saint Andrew's Day": (gettext_lazy("St Andrew’s Day"), False),
    "Christmas Day": (gettext_lazy("Christmas Day"), False),
    "Boxing Day": (gettext_lazy("Boxing Day"), False),
}
_OBSERVED_SUFFIX = " (observed)"


def bank_holiday_label(package_name: str) -> str:
    """A resident-facing label such as "Christmas Day (bank holiday)" for a `holidays` name."""
    observed = package_name.endswith(_OBSERVED_SUFFIX)
    base = package_name.removesuffix(_OBSERVED_SUFFIX)
    # One-off holidays (a coronation, a jubilee) are not in the table and keep the package's name.
    name, says_bank_holiday = _BANK_HOLIDAY_NAMES.get(base, (base, False))
    if observed:
        return _("%(name)s (substitute bank holiday)") % {"name": name}
    if says_bank_holiday:
        return str(name)
    return _("%(name)s (bank holiday)") % {"name": name}


class Schedule:
    """A place's usual week, dated overrides and bank holidays, in one time zone."""

    def __init__(
        self,
        weekly: WeeklyHours,
        overrides: Iterable[DatedHours] = (),
        *,
        bank_holiday_region: str | None = "ENG",
        timezone: str = "Europe/London",
    ):
        if bad_days := sorted(set(weekly) - set(range(7))):
            raise ValueError(f"Weekdays run from 0 (Monday) to 6 (Sunday), not {bad_days}.")
        self.weekly = {day: tuple(sessions) for day, sessions in weekly.items()}

        self.overrides: dict[dt.date, DatedHours] = {}
        for override in overrides:
            # Two overrides for one date would silently hide one of them from residents.
            if override.date in self.overrides:
                raise ValueError(f"More than one set of special hours for {override.date}.")
            self.overrides[override.date] = override

        # None suits a service that ignores bank holidays, such as an out-of-hours line.
        if bank_holiday_region is not None and bank_holiday_region not in BANK_HOLIDAY_REGIONS:
            raise ValueError(f"Bank holiday region must be one of {BANK_HOLIDAY_REGIONS}.")
        self.bank_holidays = uk_bank_holidays(bank_holiday_region) if bank_holiday_region else {}
        self.tz = ZoneInfo(timezone)

    def sessions_on(self, day: dt.date) -> DayHours:
        if override := self.overrides.get(day):
            return DayHours(day, tuple(override.sessions), DayReason.OVERRIDE, override.note)
        if day in self.bank_holidays:
            # The package gives both names when two holidays fall together; the first is enough.
            name = self.bank_holidays.get_list(day)[0]
            return DayHours(day, (), DayReason.BANK_HOLIDAY, bank_holiday_label(name))
        return DayHours(day, self.weekly.get(day.weekday(), ()), DayReason.NORMAL)

    def week_from(self, day: dt.date) -> list[DayHours]:
        return [self.sessions_on(day + dt.timedelta(days=offset)) for offset in range(7)]

    def status_at(self, moment: dt.datetime) -> OpeningStatus:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("status_at needs an aware datetime; a naive one has no time zone.")
        now = moment.astimezone(_UTC)
        local_today = moment.astimezone(self.tz).date()
        today = self.sessions_on(local_today)
        horizon = now + dt.timedelta(days=LOOKAHEAD_DAYS)

        # Start yesterday so that last night's session that runs past midnight counts.
        first_day = local_today - dt.timedelta(days=1)
        intervals = self._open_intervals(first_day, LOOKAHEAD_DAYS + 3)

        for start, end in intervals:
            if start <= now < end:
                closes_at = self._local(end) if end <= horizon else None
                return OpeningStatus(True, None, closes_at, self._open_text(now, closes_at), today)
        opens_at = next(
            (self._local(start) for start, _end in intervals if now < start <= horizon), None
        )
        return OpeningStatus(False, opens_at, None, self._closed_text(now, today, opens_at), today)

    def _open_intervals(
        self, first_day: dt.date, days: int
    ) -> list[tuple[dt.datetime, dt.datetime]]:
        """Opening times as sorted UTC intervals, with touching or overlapping ones joined.

        Joining means a Friday 18:00–00:00 session followed by Saturday 00:00–02:00 closes at
        2am, not at midnight.
        """
        raw = []
        for offset in range(days):
            day = first_day + dt.timedelta(days=offset)
            raw.extend(
                session.interval_on(day, self.tz) for session in self.sessions_on(day).sessions
            )
        raw.sort()
        merged: list[tuple[dt.datetime, dt.datetime]] = []
        for start, end in raw:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def _local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.tz)

    def _when(self, now: dt.datetime, moment: dt.datetime) -> str:
        """The time of `moment`, with its day when that is not today: "9am on Tuesday"."""
        time_text = format_time(moment.time())
        days_ahead = (moment.date() - self._local(now).date()).days
        if days_ahead == 0:
            return time_text
        if days_ahead == 1:
            return _("%(time)s tomorrow") % {"time": time_text}
        # Within the coming week the weekday is unambiguous; beyond it residents need the date.
        day_format = "l" if days_ahead <= 6 else "l j F"
        return _("%(time)s on %(day)s") % {
            "time": time_text,
            "day": dateformat.format(moment.date(), day_format),
        }

    def _open_text(self, now: dt.datetime, closes_at: dt.datetime | None) -> str:
        if closes_at is None:
            return _("Open now")
        # A late session closing at 2am reads naturally without "tomorrow".
        if closes_at - now <= dt.timedelta(days=1):
            when = format_time(closes_at.time())
        else:
            when = self._when(now, closes_at)
        return _("Open now – closes at %(when)s") % {"when": when}

    def _closed_text(self, now: dt.datetime, today: DayHours, opens_at: dt.datetime | None) -> str:
        reason = today.note if today.is_closed and today.reason != DayReason.NORMAL else ""
        if opens_at is None:
            if reason:
                return _("Closed today for %(reason)s") % {"reason": reason}
            return _("Closed")
        when = self._when(now, opens_at)
        if reason:
            return _("Closed today for %(reason)s – opens at %(when)s") % {
                "reason": reason,
                "when": when,
            }
        if today.is_closed and today.reason == DayReason.OVERRIDE:
            # An override without a note still tells residents that today is unusual.
            return _("Closed today – opens at %(when)s") % {"when": when}
        return _("Closed – opens at %(when)s") % {"when": when}
