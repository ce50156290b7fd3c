"""An appointment as a calendar file (.ics, RFC 5545), for "Add to calendar" and the email.

Times are written in UTC (a trailing Z), which every calendar reads and shows in its owner's own
time zone: no VTIMEZONE to get wrong across the clock changes. The event's UID is made from the
booking's reference, so a changed appointment's file replaces the old entry (with a higher
SEQUENCE) and a cancelled one removes it (METHOD:CANCEL), in calendars that follow the standard.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from townhall.public_urls import public_base_url

from .enums import BookingStatus

PRODID = "-//Townhall//Appointments//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class CalendarEvent:
    reference: str
    summary: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False
    # How many times the appointment has been changed: calendars keep the highest.
    sequence: int = 0


def event_for(booking):
    """The calendar entry for a booking, in the active language."""
    appointment_type = booking.appointment_type.localized
    location = booking.location.localized
    address = ", ".join(
        line.strip()
        for line in f"{location.address}\n{location.postcode}".splitlines()
        if line.strip()
    )
    description = [_("Reference: %(reference)s") % {"reference": booking.reference}]
    if appointment_type.what_to_bring:
        description += ["", _("What to bring:"), appointment_type.what_to_bring]
    if location.phone:
        description += ["", _("To change or cancel, phone %(phone)s.") % {"phone": location.phone}]
    return CalendarEvent(
        reference=booking.reference,
        summary=_("%(appointment)s at %(place)s")
        % {"appointment": appointment_type.name, "place": location.title},
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        location=f"{location.title}, {address}",
        description="\n".join(str(line) for line in description),
        cancelled=booking.status == BookingStatus.CANCELLED,
        sequence=_times_moved(booking),
    )


def _times_moved(booking):
    count, current = 0, booking
    while (current := getattr(current, "moved_from", None)) is not None:
        count += 1
    return count


def event_uid(reference):
    """The same for every file about one booking, and unlike any other site's bookings."""
    host = urlsplit(public_base_url()).hostname or "townhall.invalid"
    return f"{reference}@{host}"


def calendar_file(event, *, now=None):
    """The event as the bytes of an .ics file."""
    # Imported here: only the booking pages and emails make calendar files (docs/scaling.md).
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if event.cancelled else "PUBLISH")
    entry = icalendar.Event()
    entry.add("uid", event_uid(event.reference))
    entry.add("dtstamp", _utc(now or timezone.now()))
    entry.add("dtstart", _utc(event.starts_at))
    entry.add("dtend", _utc(event.ends_at))
    entry.add("summary", event.summary)
    entry.add("sequence", event.sequence)
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.location:
        entry.add("location", event.location)
    if event.description:
        entry.add("description", event.description)
    if event.url:
        entry.add("url", event.url)
    calendar.add_component(entry)
    return calendar.to_ical()


def filename(reference):
    return f"appointment-{reference}.ics"


def _utc(moment):
    if timezone.is_naive(moment):
        raise ValueError("Calendar times must say their time zone.")
    return moment.astimezone(datetime.UTC)
