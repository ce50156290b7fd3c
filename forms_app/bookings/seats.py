"""Taking, giving back and moving seats: the only code that changes a slot's seat counter.

How overbooking is made impossible, even with many app processes at once:

1. The counter row for the slot (`SlotSeats`, unique per schedule and start) is made if missing
   with INSERT … ON CONFLICT DO NOTHING. Two processes inserting together cannot both succeed
   (the unique constraint); the second waits for the first to commit and then does nothing.
2. A seat is taken with one conditional statement,
   ``UPDATE slot_seats SET taken = taken + 1 WHERE id = … AND taken < capacity``, and the number
   of rows it changed says whether it worked. PostgreSQL locks the row for the UPDATE; a
   concurrent UPDATE waits, then re-checks `taken < capacity` against the committed value, so of
   fifty requests for the last seat exactly one changes a row and the others change none and get
   `SlotTaken`. No read-then-write gap exists, so nothing needs retrying.
3. The row's check constraints (`taken <= capacity`, `taken >= 0`) are the backstop: any other
   code path that got this wrong would fail loudly rather than overbook.

Everything runs in the caller's transaction (`atomic` nests as a savepoint), so a failure later
in the caller's submit rolls the seat back too; the row stays locked until that transaction ends.
Nothing holds a seat before the resident confirms: this is only called at the final confirm.
"""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from forms_app.journeys.references import unique_reference

from . import availability
from .enums import BookingStatus
from .models import Booking, BookingEvent, InvalidTransition, SlotSeats
from .signals import booking_created, booking_moved


class SlotTaken(Exception):
    """The time is full, or no longer offered (too soon, closed, out of the window)."""

    def __init__(self, starts_at=None, message="That time has just been taken"):
        super().__init__(message)
        self.starts_at = starts_at


def _offered(appointment_type, location, starts_at, now):
    if starts_at.tzinfo is None or starts_at.utcoffset() is None:
        raise ValueError("Appointment times must be aware datetimes; a naive one has no zone.")
    schedule = availability.schedule_for(appointment_type, location)
    if schedule is None:
        raise SlotTaken(starts_at, "This appointment is not offered at this location")
    slot = availability.offered_slot(schedule, starts_at, now)
    if slot is None:
        raise SlotTaken(starts_at, "That time is not offered")
    return schedule, slot


def _ensure_counter(schedule, starts_at):
    SlotSeats.objects.bulk_create(
        [SlotSeats(schedule=schedule, starts_at=starts_at, capacity=schedule.capacity, taken=0)],
        ignore_conflicts=True,
    )


def _claim(schedule, starts_at):
    """Take one seat in the slot's counter or raise SlotTaken; returns the counter."""
    changed = SlotSeats.objects.filter(
        schedule=schedule, starts_at=starts_at, taken__lt=schedule.capacity
    ).update(taken=F("taken") + 1, capacity=schedule.capacity)
    if changed != 1:
        raise SlotTaken(starts_at)
    return SlotSeats.objects.get(schedule=schedule, starts_at=starts_at)


def _give_back(slot_id):
    if slot_id is not None:
        SlotSeats.objects.filter(pk=slot_id, taken__gt=0).update(taken=F("taken") - 1)


def _new_reference():
    return unique_reference(lambda ref: Booking.objects.filter(reference=ref).exists())


def take_seat(
    appointment_type, location, starts_at, *, now=None, by=None, reference=None, case=None
):
    """Book one seat at `starts_at`, or raise SlotTaken (full, or no longer offered).

    Re-checks the rules (schedule, exceptions, notice, window) at `now`, then takes the seat as
    the module docstring explains. `reference` lets the caller reuse its case's reference.
    """
    now = now or timezone.now()
    schedule, slot = _offered(appointment_type, location, starts_at, now)
    with transaction.atomic():
        _ensure_counter(schedule, slot.starts_at)
        seats = _claim(schedule, slot.starts_at)
        booking = Booking.objects.create(
            reference=reference or _new_reference(),
            appointment_type=schedule.appointment_type,
            location=schedule.location,
            slot=seats,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            case=case,
            booked_by=by,
            created_at=now,
        )
        BookingEvent.objects.create(booking=booking, at=now, to_status=BookingStatus.BOOKED, by=by)
        booking_created.send(sender=Booking, booking=booking, by=by)
    return booking


def release_seat(booking, *, by=None, reason=""):
    """Cancel the booking and give its seat back, bookable by someone else at once."""
    with transaction.atomic():
        current = Booking.objects.select_for_update().get(pk=booking.pk)
        if not current.can_transition_to(BookingStatus.CANCELLED):
            raise InvalidTransition(current.status, BookingStatus.CANCELLED)
        _give_back(current.slot_id)
        current.transition(BookingStatus.CANCELLED, by=by, reason=reason)
    booking.refresh_from_db()
    return booking


def move_seat(booking, new_starts_at, *, by=None, reason="", now=None):
    """Move the booking to `new_starts_at`: take the new seat and free the old one, or neither.

    Returns the new booking, which keeps the reference and the case; the old one becomes MOVED
    and points at it. If the new time is full or not offered, SlotTaken is raised and the old
    booking is untouched.
    """
    now = now or timezone.now()
    schedule, slot = _offered(booking.appointment_type, booking.location, new_starts_at, now)
    with transaction.atomic():
        old = Booking.objects.select_for_update().get(pk=booking.pk)
        if not old.can_transition_to(BookingStatus.MOVED):
            raise InvalidTransition(old.status, BookingStatus.MOVED)
        if old.starts_at == slot.starts_at:
            return old
        _ensure_counter(schedule, slot.starts_at)
        # Lock both counters in one order, so two residents swapping times cannot deadlock.
        list(
            SlotSeats.objects.select_for_update()
            .filter(Q(pk=old.slot_id) | Q(schedule=schedule, starts_at=slot.starts_at))
            .order_by("pk")
        )
        seats = _claim(schedule, slot.starts_at)
        _give_back(old.slot_id)
        case = old.case
        if case is not None:
            # The case moves with the appointment (one booking per case).
            old.case = None
            old.save(update_fields=["case"])
        old.transition(BookingStatus.MOVED, by=by, reason=reason, at=now)
        new = Booking.objects.create(
            reference=old.reference,
            appointment_type=old.appointment_type,
            location=old.location,
            slot=seats,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            case=case,
            booked_by=old.booked_by,
            created_at=now,
        )
        BookingEvent.objects.create(
            booking=new,
            at=now,
            from_status="",
            to_status=BookingStatus.BOOKED,
            by=by,
            reason=reason,
        )
        old.moved_to = new
        old.save(update_fields=["moved_to"])
        booking_moved.send(sender=Booking, booking=new, previous_booking=old, by=by)
    return new
