from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("Working days")
    HOURS = "hours", _("Hours")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    MOVED = "moved", _("Moved to another time")
    CHECKED_IN = "checked_in", _("Checked in")
    BEING_SEEN = "being_seen", _("Being seen")
    COMPLETED = "completed", _("Completed")
    NO_SHOW = "no_show", _("Did not attend")


# Where a booking may go next. Cancelled and moved bookings have given their seat back, so they
# are final; a no-show can be corrected if the resident turns up late after all.
TRANSITIONS = {
    BookingStatus.BOOKED: frozenset(
        {
            BookingStatus.CANCELLED,
            BookingStatus.MOVED,
            BookingStatus.CHECKED_IN,
            BookingStatus.NO_SHOW,
        }
    ),
    BookingStatus.CHECKED_IN: frozenset(
        {BookingStatus.BEING_SEEN, BookingStatus.COMPLETED, BookingStatus.NO_SHOW}
    ),
    BookingStatus.BEING_SEEN: frozenset({BookingStatus.COMPLETED}),
    BookingStatus.NO_SHOW: frozenset({BookingStatus.CHECKED_IN}),
    BookingStatus.COMPLETED: frozenset(),
    BookingStatus.CANCELLED: frozenset(),
    BookingStatus.MOVED: frozenset(),
}

# Statuses that no longer hold a seat in their slot.
SEAT_RELEASED_STATUSES = frozenset({BookingStatus.CANCELLED, BookingStatus.MOVED})

# Bookings the resident can still change or cancel by their link.
CHANGEABLE_STATUSES = frozenset({BookingStatus.BOOKED})

# When each status was reached, recorded on the booking for the reception desk and the report.
STATUS_TIMESTAMP_FIELDS = {
    BookingStatus.CANCELLED: "cancelled_at",
    BookingStatus.CHECKED_IN: "checked_in_at",
    BookingStatus.BEING_SEEN: "called_at",
    BookingStatus.COMPLETED: "completed_at",
    BookingStatus.NO_SHOW: "no_show_at",
}
