"""The demo council's "Book an appointment" page, in English and Welsh, for `manage.py seed_demo`.

It goes under the service "Book an appointment at a reception point" and offers the bookings
demo's appointment types, places and schedules (demo.py), so it runs after that. Running it again
changes nothing.
"""

from django.utils.text import slugify

from wagtail.models import Locale, Page

from services.models import ServicePage

from .demo import TYPES
from .models import AppointmentType
from .pages import BookingPage

SERVICE_TITLE = "Book an appointment at a reception point"
TITLE = "Book an appointment"
INTRO = (
    "<p>See an adviser in person at one of our reception points. Appointments last 20 to 45 "
    "minutes. You can change or cancel online until 2 hours before.</p>"
)
CONFIRMATION = "Appointment booked"
WHAT_HAPPENS_NEXT = (
    "<p>Come to reception 5 minutes before your appointment and give your reference number. "
    "If you need an interpreter or step-free access, we will have it ready.</p>"
)

WELSH_TITLE = "Trefnu apwyntiad"
WELSH_INTRO = (
    "<p>Gwelwch gynghorydd wyneb yn wyneb yn un o'n mannau derbyn. Mae apwyntiadau'n para 20 i "
    "45 munud. Gallwch newid neu ganslo ar-lein hyd at 2 awr cyn hynny.</p>"
)
WELSH_CONFIRMATION = "Apwyntiad wedi'i drefnu"
WELSH_WHAT_HAPPENS_NEXT = (
    "<p>Dewch i'r dderbynfa 5 munud cyn eich apwyntiad a rhowch eich cyfeirnod. Os oes angen "
    "cyfieithydd neu fynediad heb risiau arnoch, bydd yn barod.</p>"
)


def _types():
    """The bookings demo's appointment types (forms_app/bookings/demo.py), in its order."""
    default = Locale.get_default()
    by_slug = {
        kind.slug: kind for kind in AppointmentType.objects.filter(locale=default, slug__in=TYPES)
    }
    return [by_slug[slug] for slug in TYPES if slug in by_slug]


def seed_booking_page(stdout):
    service = ServicePage.objects.filter(
        slug=slugify(SERVICE_TITLE), locale=Locale.get_default()
    ).first()
    if service is None:
        return
    types = _types()
    if not types:
        return
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
    """The Welsh booking page under the Welsh service (the types' Welsh names are the bookings
    demo's)."""
    welsh = Locale.objects.filter(language_code="cy").first()
    page = BookingPage.objects.filter(locale=Locale.get_default()).first()
    if welsh is None or page is None:
        return
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
