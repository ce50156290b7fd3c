"""Due dates in working days: Monday to Friday, not counting UK bank holidays."""

import datetime
from functools import cache

from django.conf import settings

from townhall.bank_holidays import uk_bank_holidays


@cache
def _bank_holidays(region, year):
    return uk_bank_holidays(region, years=year)


def is_working_day(day, region=None):
    region = region or settings.BANK_HOLIDAY_REGION
    return day.weekday() < 5 and day not in _bank_holidays(region, day.year)


def add_working_days(start, days, region=None):
    """The date `days` working days after `start` (a case raised on a Friday evening with a
    2-day target is due on Tuesday)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, region):
            remaining -= 1
    return day
