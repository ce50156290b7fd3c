"""Appointments at reception points: what residents can book, where, when, and who has booked.

Staff describe what is bookable: an appointment type (how long, how much notice, how far ahead)
and, for each location that offers it, a schedule (weekly hours, desks per slot, dated
exceptions). `slots` turns a schedule into times; `availability` says which are free; `seats`
is the only code that takes or gives back a seat, through the `SlotSeats` counter whose
database constraint makes overbooking impossible.

Schedules, bookings and counters always point at the default-language appointment type and
location page; the Welsh versions are translations of them found by `translation_key`.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, TranslatableMixin

from services.enums import Weekday

from .enums import (
    CHANGEABLE_STATUSES,
    STATUS_TIMESTAMP_FIELDS,
    TRANSITIONS,
    BookingStatus,
    NoticeUnit,
)
from .signals import booking_status_changed


class AppointmentType(TranslatableMixin, models.Model):
    """Something residents book a face-to-face appointment for, such as council tax advice."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What residents book, for example ‘Council tax advice’."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("A short name for links, for example ‘council-tax-advice’."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("length of appointment (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(8 * 60)],
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("gap after each appointment (minutes)"),
        default=0,
        validators=[MaxValueValidator(4 * 60)],
        help_text=_("Time for staff to finish notes before the next resident. 0 for none."),
    )
    minimum_notice_amount = models.PositiveSmallIntegerField(
        _("minimum notice"),
        default=1,
        validators=[MaxValueValidator(365)],
        help_text=_("How much notice residents must give. 0 lets them book any time later today."),
    )
    minimum_notice_unit = models.CharField(
        _("notice counted in"),
        max_length=20,
        choices=NoticeUnit.choices,
        default=NoticeUnit.WORKING_DAYS,
        help_text=_("Working days do not count weekends or bank holidays."),
    )
    window_days = models.PositiveSmallIntegerField(
        _("how far ahead residents can book (days)"),
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    change_cutoff_hours = models.PositiveSmallIntegerField(
        _("changes allowed until (hours before)"),
        default=2,
        validators=[MaxValueValidator(24 * 14)],
        help_text=_(
            "Residents can change or cancel online until this many hours before the appointment."
        ),
    )
    what_to_bring = models.TextField(
        _("what to bring"),
        blank=True,
        help_text=_("Shown on the confirmation, for example ‘Your latest council tax bill’."),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("appointment type")
        verbose_name_plural = _("appointment types")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"],
                name="bookings_appointment_type_slug_per_locale",
                violation_error_message=_("Another appointment type already uses this slug."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def duration(self):
        return dt.timedelta(minutes=self.duration_minutes)

    @property
    def buffer(self):
        return dt.timedelta(minutes=self.buffer_minutes)

    @property
    def change_cutoff(self):
        return dt.timedelta(hours=self.change_cutoff_hours)


class BookableSchedule(ClusterableModel):
    """When one location offers one appointment type, and how many residents per time."""

    location = models.ForeignKey(
        "services.LocationPage",
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="bookable_schedules",
    )
    appointment_type = models.ForeignKey(
        AppointmentType,
        verbose_name=_("appointment type"),
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    capacity = models.PositiveSmallIntegerField(
        _("desks"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How many residents can be seen at the same time."),
    )
    open_on_bank_holidays = models.BooleanField(
        _("open on bank holidays"),
        default=False,
        help_text=_(
            "Leave unticked to close on bank holidays. You can still open on one date by "
            "adding an exception for it."
        ),
    )

    class Meta:
        verbose_name = _("appointment schedule")
        verbose_name_plural = _("appointment schedules")
        ordering = ["appointment_type__name", "location__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["location", "appointment_type"],
                name="bookings_one_schedule_per_location_and_type",
                violation_error_message=_(
                    "This location already has a schedule for this appointment type."
                ),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="bookings_schedule_capacity_at_least_one"
            ),
        ]

    def __str__(self):
        return f"{self.appointment_type} – {self.location}"

    def clean(self):
        super().clean()
        # Bookings point at the default-language versions; a Welsh page here would split them.
        if (
            self.location_id
            and self.appointment_type_id
            and self.location.locale_id != self.appointment_type.locale_id
        ):
            raise ValidationError(
                _("Choose the location and appointment type in the same language.")
            )
        if self.location_id and self.appointment_type_id:
            # The same pair in another language would be a second set of seats for one desk.
            twins = BookableSchedule.objects.filter(
                location__translation_key=self.location.translation_key,
                appointment_type__translation_key=self.appointment_type.translation_key,
            ).exclude(pk=self.pk)
            if twins.exists():
                raise ValidationError(
                    _("This location already has a schedule for this appointment type.")
                )


class TimeRangeMixin(models.Model):
    class Meta:
        abstract = True

    def _clean_range(self, *, required):
        if required or self.starts or self.ends:
            errors = {}
            if self.starts is None:
                errors["starts"] = _("Enter the time appointments start.")
            if self.ends is None:
                errors["ends"] = _("Enter the time appointments end.")
            if errors:
                raise ValidationError(errors)
            if self.ends <= self.starts:
                raise ValidationError(
                    {"ends": _("The end time must be after the start time, on the same day.")}
                )


class ScheduleHours(TimeRangeMixin, Orderable):
    """One stretch of appointments in the usual week, e.g. Tuesday 13:00 to 16:30."""

    schedule = ParentalKey(BookableSchedule, on_delete=models.CASCADE, related_name="weekly_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    starts = models.TimeField(_("first appointment from"))
    ends = models.TimeField(
        _("last appointment ends by"), help_text=_("Appointments finish by this time.")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("appointment hours")
        verbose_name_plural = _("appointment hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")), name="bookings_weekly_hours_end_after_start"
            )
        ]

    def clean(self):
        super().clean()
        self._clean_range(required=True)


class ScheduleException(TimeRangeMixin, Orderable):
    """A date with different hours, or closed (no times). Several rows for one date add up."""

    schedule = ParentalKey(BookableSchedule, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    starts = models.TimeField(_("from"), null=True, blank=True, help_text=_("Blank if closed."))
    ends = models.TimeField(_("until"), null=True, blank=True)
    note = models.CharField(
        _("reason"),
        max_length=120,
        blank=True,
        help_text=_("For staff, e.g. ‘Staff training’."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts__isnull=True, ends__isnull=True)
                | Q(starts__isnull=False, ends__isnull=False, ends__gt=F("starts")),
                name="bookings_exception_closed_or_end_after_start",
            )
        ]

    @property
    def is_closed(self):
        return self.starts is None

    def clean(self):
        super().clean()
        self._clean_range(required=False)


class SlotSeats(models.Model):
    """How many seats of one schedule's slot are taken: the counter that stops overbooking.

    The row is made the first time someone books that slot. Only `seats.py` changes `taken`,
    with a conditional UPDATE; the check constraints are the database's own guarantee that
    no code path, however wrong, can push `taken` past `capacity` or below zero.
    """

    schedule = models.ForeignKey(
        BookableSchedule, on_delete=models.PROTECT, related_name="slot_seats"
    )
    starts_at = models.DateTimeField()
    # The schedule's capacity when a seat was last taken; `taken` may never exceed it.
    capacity = models.PositiveSmallIntegerField()
    taken = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("slot seats")
        verbose_name_plural = _("slot seats")
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "starts_at"], name="bookings_one_counter_per_slot"
            ),
            models.CheckConstraint(
                condition=Q(taken__lte=F("capacity")), name="bookings_slot_never_overbooked"
            ),
            models.CheckConstraint(
                condition=Q(taken__gte=0), name="bookings_slot_taken_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.schedule} {self.starts_at:%Y-%m-%d %H:%M} ({self.taken}/{self.capacity})"


class BookingQuerySet(models.QuerySet):
    def holding_seats(self):
        return self.exclude(status__in=[BookingStatus.CANCELLED, BookingStatus.MOVED])

    def on_day(self, day, tz=None):
        """Bookings starting on `day` in the site's time zone (Europe/London)."""
        tz = tz or timezone.get_default_timezone()
        start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        return self.filter(starts_at__gte=start, starts_at__lt=end)


class Booking(models.Model):
    """One resident's appointment. Change status only through `transition()`."""

    reference = models.CharField(_("reference"), max_length=8, db_index=True)
    appointment_type = models.ForeignKey(
        AppointmentType,
        verbose_name=_("appointment type"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    location = models.ForeignKey(
        "services.LocationPage",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    # The counter holding this booking's seat; none for a walk-in added at the desk.
    slot = models.ForeignKey(
        SlotSeats, null=True, blank=True, on_delete=models.PROTECT, related_name="bookings"
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    case = models.OneToOneField(
        "cases.Case",
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking",
    )
    # A moved booking points at the booking that replaced it; the reference carries over.
    moved_to = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moved_from",
    )
    walk_in = models.BooleanField(_("walk-in"), default=False)
    walk_in_name = models.CharField(_("name"), max_length=200, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by staff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when staff booked on the resident’s behalf."),
    )
    created_at = models.DateTimeField(_("booked"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    called_at = models.DateTimeField(_("called"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    no_show_at = models.DateTimeField(_("marked as no-show"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "pk"]
        permissions = [("work_reception_desk", "Can check residents in at the reception desk")]
        constraints = [
            # A moved booking keeps its reference for history; the live one is unique.
            models.UniqueConstraint(
                fields=["reference"],
                condition=~Q(status="moved"),
                name="bookings_reference_unique_unless_moved",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="bookings_booking_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.appointment_type} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def change_deadline(self):
        """Until when the resident may change or cancel online (the type's cut-off before)."""
        return self.starts_at - self.appointment_type.change_cutoff

    def can_be_changed_online(self, now=None):
        """Still booked and before the cut-off: the resident's link may change or cancel it."""
        now = now or timezone.now()
        return self.status in CHANGEABLE_STATUSES and now < self.change_deadline

    @property
    def holds_seat(self):
        return self.status not in (BookingStatus.CANCELLED, BookingStatus.MOVED)

    def can_transition_to(self, status):
        return status in TRANSITIONS[BookingStatus(self.status)]

    def allowed_transitions(self):
        return [s for s in BookingStatus if s in TRANSITIONS[BookingStatus(self.status)]]

    def transition(self, status, *, by=None, reason="", at=None):
        """Change the status: check it is allowed, stamp its time, record it, tell listeners.

        Seats are not touched here: `seats.release_seat` and `seats.move_seat` give the seat
        back in the same transaction and call this.
        """
        status = BookingStatus(status)
        if not self.can_transition_to(status):
            raise InvalidTransition(self.status, status)
        at = at or timezone.now()
        previous = self.status
        self.status = status
        fields = ["status"]
        if stamp := STATUS_TIMESTAMP_FIELDS.get(status):
            setattr(self, stamp, at)
            fields.append(stamp)
        self.save(update_fields=fields)
        BookingEvent.objects.create(
            booking=self, at=at, from_status=previous, to_status=status, by=by, reason=reason
        )
        booking_status_changed.send(
            sender=Booking, booking=self, previous=previous, by=by, reason=reason
        )
        return self


class InvalidTransition(ValueError):
    def __init__(self, current, wanted):
        super().__init__(f"A booking cannot go from {current} to {wanted}.")
        self.current = current
        self.wanted = wanted


class BookingEvent(models.Model):
    """What happened to a booking, when and by whom: its history for staff and audit."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, choices=BookingStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=BookingStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("booking event")
        verbose_name_plural = _("booking events")
