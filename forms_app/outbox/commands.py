"""`--now` for the scheduled commands (sending what is due, purging expired cases).

Each of them acts on what is due "now"; `--now` makes it act as at another moment, to replay a
missed run or to test backoff and scheduling. One parser, so every command reads a moment alike.
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

NOW_HELP = (
    "Act as if it were this moment: ISO 8601, e.g. 2026-11-21T09:30:00+00:00. A time without a "
    "zone is in the site's time zone (TIME_ZONE, Europe/London); a date alone means its midnight."
)


def add_now_argument(parser):
    parser.add_argument("--now", default=None, help=NOW_HELP)


def parse_now(value):
    """The aware moment `--now` names, or the current time if it was not given.

    Accepts what a shell passes (text) and what `call_command(..., now=...)` may pass (a datetime).
    A naive value is read in the site's time zone, whichever time zone is active at the time.
    """
    if value is None:
        return timezone.now()
    if isinstance(value, datetime.datetime):
        moment = value
    else:
        try:
            moment = datetime.datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise CommandError(
                f"--now must be an ISO 8601 date and time, e.g. 2026-11-21T09:30:00+00:00, "
                f"not {value!r}."
            ) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment
