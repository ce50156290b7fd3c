"""The demo council's "Book an appointment" page, in English and Welsh, for `manage.py seed_demo`.

It goes under the service "Book an appointment at a reception point" and offers the demo's
appointment types. The types, places and schedules are the bookings demo's; any type missing here
is made with a plain weekday schedule at the first reception point, so the page always has
something to book. Running it again changes nothing.
"""

import datetime

from django.utils.text import slugify

from wagtail.models import Locale, Page

from services.models import LocationPage, ServicePage

from .models import AppointmentType, BookableSchedule, ScheduleHours
from .pages import BookingPage

SERVICE_TITLE = "Book an appointment at a reception point"
TITLE = "Book an appointment"
INTRO = (
    "<p>See an adviser in person at one of our reception points. Appointments last 20 to 40 "
    "minutes. You can change or cancel online until 2 hours before.</p>"
)
CONFIRMATION = "Appointment booked"
WHAT_HAPPENS_NEXT = (
    "<p>Come to reception 5 minutes before your appointment and give your reference number. "
    "If you need an interpreter or step-free access, we will have it ready.</p>"
)

# (name, slug, minutes, what to bring, Welsh name, Welsh what to bring)
TYPES = [
    (
        "Council tax advice",
        "council-tax-advice",
        30,
        "Your latest Council Tax bill and proof of any income.",
        "Cyngor ar y dreth gyngor",
        "Eich bil Treth Gyngor diweddaraf a phrawf o unrhyw incwm.",
    ),
    (
        "Housing options",
        "housing-options",
        40,
        "Proof of identity, your tenancy agreement and any letters about leaving your home.",
        "Opsiynau tai",
        "Prawf adnabod, eich cytundeb tenantiaeth ac unrhyw lythyrau am adael eich cartref.",
    ),
    (
        "Blue Badge application help",
        "blue-badge-help",
        20,
        "Proof of identity, proof of address and a recent photo.",
        "Help gyda chais Bathodyn Glas",
        "Prawf adnabod, prawf cyfeiriad a llun diweddar.",
    ),
]

WELSH_TITLE = "Trefnu apwyntiad"
WELSH_INTRO = (
    "<p>Gwelwch gynghorydd wyneb yn wyneb yn un o'n mannau derbyn. Mae apwyntiadau'n para 20 i "
    "40 munud. Gallwch newid neu ganslo ar-lein hyd at 2 awr cyn hynny.</p>"
)
WELSH_CONFIRMATION = "Apwyntiad wedi'i drefnu"
WELSH_WHAT_HAPPENS_NEXT = (
    "<p>Dewch i'r dderbynfa 5 munud cyn eich apwyntiad a rhowch eich cyfeirnod. Os oes angen "
    "cyfieithydd neu fynediad heb risiau arnoch, bydd yn barod.</p>"
)


def _types():
    default = Locale.get_default()
    found = []
    for name, slug, minutes, bring, _welsh, _welsh_bring in TYPES:
        kind = AppointmentType.objects.filter(locale=default, slug=slug).first()
        if kind is None:
            kind = AppointmentType.objects.create(
                locale=default,
                name=name,
                slug=slug,
                duration_minutes=minutes,
                what_to_bring=bring,
            )
        found.append(kind)
    return found


def _schedule_if_missing(kind):
    if BookableSchedule.objects.filter(appointment_type=kind).exists():
        return
    place = LocationPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if place is None:
        return
    schedule = BookableSchedule.objects.create(appointment_type=kind, location=place, capacity=2)
    for weekday in range(5):
        ScheduleHours.objects.create(
            schedule=schedule,
            weekday=weekday,
            starts=datetime.time(13, 30),
            ends=datetime.time(16, 30),
        )


def seed_booking_page(stdout):
    service = ServicePage.objects.filter(
        slug=slugify(SERVICE_TITLE), locale=Locale.get_default()
    ).first()
    if service is None:
        return
    types = _types()
    for kind in types:
        _schedule_if_missing(kind)
    page = BookingPage.objects.child_of(service).first()
    if page is None:
        page = BookingPage(
            title=TITLE,
            slug="book",
            intro=INTRO,
            confirmation_heading=CONFIRMATION,
            what_happens_next=WHAT_HAPPENS_NEXT,
        )
        service.add_child(instance=page)
        page.appointment_types.set(types)
        page.save_revision().publish()
        stdout.write("Created the appointment booking page.")
    if not service.start_page_id and not service.start_url:
        service.start_page = Page.objects.get(pk=page.pk)
        service.save_revision().publish()


def seed_booking_page_welsh(stdout):
    """The Welsh booking page under the Welsh service, and Welsh names for the types."""
    welsh = Locale.objects.filter(language_code="cy").first()
    page = BookingPage.objects.filter(locale=Locale.get_default()).first()
    if welsh is None or page is None:
        return
    for name, slug, _minutes, _bring, welsh_name, welsh_bring in TYPES:
        kind = AppointmentType.objects.filter(locale=Locale.get_default(), slug=slug).first()
        if kind is not None and kind.get_translation_or_none(welsh) is None:
            translated = kind.copy_for_translation(welsh)
            translated.name, translated.what_to_bring = welsh_name, welsh_bring
            translated.save()
    welsh_service = page.get_parent().get_translation_or_none(welsh)
    if welsh_service is None or page.get_translation_or_none(welsh) is not None:
        return
    translated = page.copy_for_translation(welsh)
    translated.title = WELSH_TITLE
    translated.slug = "trefnu"
    translated.intro = WELSH_INTRO
    translated.confirmation_heading = WELSH_CONFIRMATION
    translated.what_happens_next = WELSH_WHAT_HAPPENS_NEXT
    translated.save()
    translated.appointment_types.set(page.appointment_types.all())
    translated.save_revision().publish()
    welsh_service = welsh_service.specific
    # Translated before this page was: its button still leads to the English page.
    if welsh_service.start_page_id in (None, page.pk) and not welsh_service.start_url:
        welsh_service.start_page = Page.objects.get(pk=translated.pk)
        welsh_service.save_revision().publish()
    stdout.write("Translated the appointment booking page into Welsh.")
