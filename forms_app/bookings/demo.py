"""Demo appointments: three things residents book at three reception points, each with its own
hours and desks, bank holidays closed, in English and Welsh, and bookings over the next fortnight
with some residents already checked in today. Running it again changes nothing."""

import datetime as dt

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import Locale

from services.models import LocationPage

from .availability import free_times, schedule_for
from .enums import BookingStatus
from .models import AppointmentType, BookableSchedule, Booking, ScheduleException, ScheduleHours
from .seats import take_seat

RECEPTION = "Customer services"
CIVIC_CENTRE = "Glanrhyd Civic Centre reception"
LIBRARY = "Pontnewydd Library and customer service point"
HUB = "Aberglas Community Hub"

# slug: (name, Welsh name, minutes, buffer, notice, unit, window, what to bring, Welsh)
TYPES = {
    "council-tax-advice": (
        "Council tax advice",
        "Cyngor ar y dreth gyngor",
        30,
        0,
        1,
        "working_days",
        28,
        "Your latest council tax bill and proof of your income.",
        "Eich bil treth gyngor diweddaraf a phrawf o’ch incwm.",
    ),
    "housing-options": (
        "Housing options",
        "Opsiynau tai",
        45,
        15,
        2,
        "working_days",
        21,
        "Proof of who you are, your tenancy agreement if you have one, and any letters about "
        "leaving your home.",
        "Prawf o bwy ydych chi, eich cytundeb tenantiaeth os oes gennych un, ac unrhyw lythyrau "
        "am adael eich cartref.",
    ),
    "blue-badge": (
        "Blue badge",
        "Bathodyn glas",
        20,
        10,
        4,
        "hours",
        28,
        "Proof of who you are and where you live, a recent photo, and your current badge if "
        "you are renewing.",
        "Prawf o bwy ydych chi a ble rydych chi’n byw, llun diweddar, a’ch bathodyn presennol "
        "os ydych chi’n ei adnewyddu.",
    ),
}

WEEKDAYS = range(5)
# (location, type slug, desks, [(weekday, starts, ends)])
SCHEDULES = [
    # Walk-ins in the morning at the Civic Centre; appointments in the afternoon.
    (
        CIVIC_CENTRE,
        "council-tax-advice",
        3,
        [(day, dt.time(13), dt.time(16, 30)) for day in WEEKDAYS],
    ),
    (CIVIC_CENTRE, "housing-options", 2, [(day, dt.time(9), dt.time(16)) for day in WEEKDAYS]),
    (
        CIVIC_CENTRE,
        "blue-badge",
        1,
        [(day, dt.time(10), dt.time(15)) for day in (0, 2, 4)],
    ),
    (
        LIBRARY,
        "council-tax-advice",
        1,
        [(day, dt.time(10), dt.time(12)) for day in (1, 3)] + [(5, dt.time(10), dt.time(12, 30))],
    ),
    (LIBRARY, "blue-badge", 2, [(day, dt.time(14), dt.time(17)) for day in range(4)]),
    (
        HUB,
        "housing-options",
        1,
        [
            (1, dt.time(10), dt.time(12, 30)),
            (1, dt.time(13, 30), dt.time(15)),
            (3, dt.time(10), dt.time(12, 30)),
            (3, dt.time(13, 30), dt.time(15)),
        ],
    ),
]

RECEPTION_PERMISSIONS = [
    "add_appointmenttype",
    "change_appointmenttype",
    "delete_appointmenttype",
    "view_appointmenttype",
    "add_bookableschedule",
    "change_bookableschedule",
    "delete_bookableschedule",
    "view_bookableschedule",
    "view_booking",
    "change_booking",
    "work_reception_desk",
]


def seed_bookings(stdout):
    reception, _ = Group.objects.get_or_create(name=RECEPTION)
    reception.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="bookings", codename__in=RECEPTION_PERMISSIONS
        )
    )
    types = _seed_types()
    made = 0
    for location_title, slug, desks, hours in SCHEDULES:
        location = LocationPage.objects.filter(title=location_title).first()
        if location is None or slug not in types:
            continue
        schedule, created = BookableSchedule.objects.get_or_create(
            location=location, appointment_type=types[slug], defaults={"capacity": desks}
        )
        if created:
            made += 1
            for weekday, starts, ends in hours:
                ScheduleHours.objects.create(
                    schedule=schedule, weekday=weekday, starts=starts, ends=ends
                )
            # Christmas and the other bank holidays are closed by default; one training
            # afternoon closes the blue badge desk too.
            if slug == "blue-badge" and location_title == CIVIC_CENTRE:
                ScheduleException.objects.create(
                    schedule=schedule,
                    date=_next_weekday(timezone.localdate() + dt.timedelta(days=7), 2),
                    note="Staff training",
                )
    if made:
        stdout.write(f"Created {made} appointment schedules.")
    _seed_demo_bookings(types)


def _seed_types():
    english = Locale.get_default()
    welsh = Locale.objects.filter(language_code="cy").first()
    types = {}
    for slug, (
        name,
        name_cy,
        minutes,
        buffer,
        notice,
        unit,
        window,
        bring,
        bring_cy,
    ) in TYPES.items():
        appointment_type, _ = AppointmentType.objects.get_or_create(
            slug=slug,
            locale=english,
            defaults={
                "name": name,
                "duration_minutes": minutes,
                "buffer_minutes": buffer,
                "minimum_notice_amount": notice,
                "minimum_notice_unit": unit,
                "window_days": window,
                "what_to_bring": bring,
            },
        )
        if welsh and not appointment_type.has_translation(welsh):
            translation = appointment_type.copy_for_translation(welsh)
            translation.name, translation.what_to_bring = name_cy, bring_cy
            translation.save()
        types[slug] = appointment_type
    return types


def _next_weekday(day, weekday):
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _seed_demo_bookings(types):
    """Bookings across the next fortnight, and today's list at the Civic Centre part worked."""
    if Booking.objects.exists():
        return
    # Booked a week ago, as residents would have, so today's times were still in reach.
    booked_at = timezone.now() - dt.timedelta(days=7)
    today = timezone.localdate()
    for location_title, slug, _desks, _hours in SCHEDULES:
        location = LocationPage.objects.filter(title=location_title).first()
        if location is None or schedule_for(types[slug], location) is None:
            continue
        for offset in range(0, 14):
            day = today + dt.timedelta(days=offset)
            times = free_times(types[slug], location, day, now=booked_at)
            # Every third time taken, to leave plenty free.
            for free in times[::3]:
                take_seat(types[slug], location, free.starts_at, now=booked_at)
    now = timezone.now()
    todays = list(Booking.objects.on_day(today).filter(starts_at__lt=now).order_by("starts_at"))
    for n, booking in enumerate(todays):
        arrived = booking.starts_at - dt.timedelta(minutes=5)
        if n % 4 == 3:
            booking.transition(BookingStatus.NO_SHOW, at=booking.starts_at + dt.timedelta(hours=1))
            continue
        booking.transition(BookingStatus.CHECKED_IN, at=arrived)
        booking.transition(
            BookingStatus.BEING_SEEN, at=booking.starts_at + dt.timedelta(minutes=n % 3 * 4)
        )
        booking.transition(BookingStatus.COMPLETED, at=booking.ends_at)
