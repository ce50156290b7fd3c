"""What residents are sent about their booking: confirmed, changed, cancelled, reminded.

Each is a notification kind registered from the app's ready() and queued through the outbox in
the transaction that made the change, so a booking that rolls back sends nothing. An email goes
to the email address they gave and a text to their UK mobile: both, if they gave both. Each
message carries the links to change or cancel, and each email the calendar file (.ics) of the
appointment as it stands when the email goes.
"""

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from forms_app.cases.contact import uk_mobile
from forms_app.notifications.enums import NotificationChannel
from forms_app.notifications.kinds import NotificationKindSpec, register_kind
from forms_app.notifications.outbox import queue

from . import ics, links
from .enums import BookingStatus
from .models import Booking
from .questions import format_day, format_time


def calendar_attachment(notification):
    """The appointment's .ics file, as the booking stands when the email goes (a cancelled one
    removes it from the calendar)."""
    booking = _live_booking(notification.reference)
    if booking is None:
        return []
    with translation.override(notification.language):
        content = ics.calendar_file(ics.event_for(booking))
    return [(ics.filename(booking.reference), content, ics.CONTENT_TYPE)]


def _live_booking(reference):
    return (
        Booking.objects.select_related("appointment_type", "location")
        .exclude(status=BookingStatus.MOVED)
        .filter(reference=reference)
        .first()
    )


CONFIRMED = NotificationKindSpec(
    "booking_confirmed",
    _("Appointment booked"),
    subject=_("Your appointment on %(date)s – reference %(reference)s"),
    template="bookings/notifications/{channel}_confirmed.txt",
    attachments=calendar_attachment,
)
CHANGED = NotificationKindSpec(
    "booking_changed",
    _("Appointment changed"),
    subject=_("Your appointment has moved to %(date)s – reference %(reference)s"),
    template="bookings/notifications/{channel}_changed.txt",
    attachments=calendar_attachment,
)
CANCELLED = NotificationKindSpec(
    "booking_cancelled",
    _("Appointment cancelled"),
    subject=_("Your appointment on %(date)s is cancelled – reference %(reference)s"),
    template="bookings/notifications/{channel}_cancelled.txt",
    attachments=calendar_attachment,
)
# Queued when its time comes by `reminders.send_due_reminders`, which says when and why not.
REMINDER = NotificationKindSpec(
    "booking_reminder",
    _("Appointment reminder"),
    subject=_("Reminder: your appointment on %(date)s – reference %(reference)s"),
    template="bookings/notifications/{channel}_reminder.txt",
    attachments=calendar_attachment,
)
KINDS = (CONFIRMED, CHANGED, CANCELLED, REMINDER)


def register_kinds():
    for spec in KINDS:
        register_kind(spec)


def recipients(case):
    """[(channel, recipient)]: their email address and their UK mobile, whichever they gave."""
    found = []
    if case.resident_email:
        found.append((NotificationChannel.EMAIL, case.resident_email))
    mobile = uk_mobile(case.resident_phone)
    if mobile:
        found.append((NotificationChannel.SMS, mobile))
    return found


def message_context(booking, language):
    """The booking in the resident's language, as the templates show it."""
    with translation.override(language):
        appointment_type = booking.appointment_type.localized
        location = booking.location.localized
        lines = f"{location.address}\n{location.postcode}".splitlines()
        return {
            "booking": booking,
            "date": format_day(timezone.localtime(booking.starts_at).date()),
            "time": format_time(booking.starts_at),
            "appointment": appointment_type.name,
            "place": location.title,
            "address": ", ".join(line.strip() for line in lines if line.strip()),
            "phone": location.phone,
            "what_to_bring": appointment_type.what_to_bring,
            "calendar_url": links.link_url(booking.reference, links.CALENDAR, language),
            "change_url": links.link_url(booking.reference, links.CHANGE, language),
            "cancel_url": links.link_url(booking.reference, links.CANCEL, language),
        }


def _queue(booking, spec):
    case = booking.case
    if case is None:
        return []
    context = message_context(booking, case.language)
    return [
        queue(case, spec.value, channel, recipient, case.language, context=context)
        for channel, recipient in recipients(case)
    ]


def queue_confirmation(booking):
    return _queue(booking, CONFIRMED)


def queue_changed(booking):
    return _queue(booking, CHANGED)


def queue_cancelled(booking):
    return _queue(booking, CANCELLED)


def queue_reminder(booking):
    return _queue(booking, REMINDER)
