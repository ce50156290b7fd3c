"""The steps of booking an appointment, made from what is free and the answers so far.

Appointment type (only when the page offers more than one) → place → day → time on that day →
your details → anything you need at the appointment → check your answers. Each list of options
is made when the page is drawn or checked: places that offer the chosen type, days with a free
time there, the free times on the chosen day. So nothing full, closed, too soon or too far ahead
is ever offered, and a time gone by the time the resident continues is refused by its radios. The
seat is only taken when the resident confirms (`BookingPage.process_submission`).
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from forms_app.journeys.engine import Journey
from forms_app.journeys.pages import question_step
from forms_app.journeys.questions import registry
from services.models import LocationPage

from .availability import bookable_locations, free_days, free_times
from .models import AppointmentType
from .questions import day_choices, format_short_day, parse_day, parse_slot, time_choices

TYPE_STEP = "appointment"
PLACE_STEP = "place"
DAY_STEP = "day"
TIME_STEP = "time"
DETAILS_STEP = "your-details"
NEEDS_STEP = "adjustments"

TYPE = "appointment_type"
PLACE = "location"
DAY = "day"
TIME = "time"
NAME = "full_name"
EMAIL = "email"
MOBILE = "mobile"
NEEDS = "adjustments"
LANGUAGE = "interpreter_language"

INTERPRETER = "interpreter"
WELSH = "welsh"
STEP_FREE = "step_free"
COMPANION = "companion"


@dataclass
class Choices:
    """What the resident has chosen so far, as objects (None where not chosen, or gone)."""

    types: list = field(default_factory=list)
    type: AppointmentType | None = None
    location: LocationPage | None = None
    day: object = None
    starts_at: object = None


def chosen(page, answers):
    """The type, place, day and time the answers name, each only if still on offer."""
    found = Choices(types=page.offered_types())
    by_slug = {kind.slug: kind for kind in found.types}
    if len(found.types) == 1:
        found.type = found.types[0]
    else:
        found.type = by_slug.get(answers.get(TYPE))
    if found.type is None:
        return found
    places = {str(place.pk): place for place in bookable_locations(found.type)}
    found.location = places.get(str(answers.get(PLACE)))
    found.day = parse_day(answers.get(DAY))
    found.starts_at = parse_slot(answers.get(TIME))
    return found


def _question(type_name, **value):
    return registry.get(type_name).to_python(value)


def _option(value, label, hint=""):
    return {"value": str(value), "label": str(label), "hint": str(hint)}


def _one_line(address):
    return ", ".join(line.strip() for line in (address or "").splitlines() if line.strip())


def type_step(types):
    """Radios, so a routing rule can send each appointment type's cases to its own team."""
    options = [
        _option(
            kind.slug,
            kind.localized.name,
            _("%(minutes)s minutes") % {"minutes": kind.duration_minutes},
        )
        for kind in types
    ]
    question = _question(
        "radios",
        label=_("What is your appointment about?"),
        name=TYPE,
        required=True,
        choices=options,
        error_message=_("Select what your appointment is about"),
    )
    return question_step(TYPE_STEP, [question])


def place_step(appointment_type):
    places = bookable_locations(appointment_type) if appointment_type else []
    options = [
        _option(place.pk, place.localized.title, _one_line(f"{place.address}\n{place.postcode}"))
        for place in places
    ]
    question = _question(
        "radios",
        label=_("Where would you like to go?"),
        name=PLACE,
        required=True,
        choices=options,
        error_message=_("Select where you would like to go"),
    )
    return question_step(PLACE_STEP, [question])


def day_step(appointment_type, location, now):
    days = free_days(appointment_type, location, now=now) if appointment_type and location else []
    question = _question(
        "booking_day",
        label=_("Choose a day"),
        hint=_("Only days with a free time are listed.")
        if days
        else _("There are no free times here at the moment. Go back and choose another place."),
        name=DAY,
        required=True,
        choices=day_choices(days),
    )
    return question_step(DAY_STEP, [question])


def time_step(appointment_type, location, day, now, nearest=None):
    if nearest:
        heading = _("Choose another time")
        options = time_choices(nearest, with_day=True)
    else:
        heading = (
            _("Choose a time on %(day)s") % {"day": format_short_day(day)}
            if day
            else _("Choose a time")
        )
        times = (
            free_times(appointment_type, location, day, now=now)
            if appointment_type and location and day
            else []
        )
        options = time_choices(times)
    question = _question(
        "booking_slot",
        label=_("Time"),
        hint=""
        if options
        else _("There are no free times left on this day. Go back and choose another day."),
        name=TIME,
        required=True,
        choices=options,
    )
    return question_step(TIME_STEP, [question], heading=heading)


def details_step():
    intro = _question(
        "content",
        body=format_html(
            "<p>{}</p>",
            _(
                "We will send your confirmation by email, text message or both. "
                "Give an email address, a UK mobile number or both."
            ),
        ),
    )
    name = _question(
        "text",
        label=_("Full name"),
        name=NAME,
        required=True,
        holds_name=True,
        error_message=_("Enter your full name"),
    )
    email = _question("email", label=_("Email address"), name=EMAIL, required=False)
    mobile = _question(
        "phone",
        label=_("UK mobile number"),
        hint=_("For example, 07700 900 982"),
        name=MOBILE,
        required=False,
    )
    return question_step(DETAILS_STEP, [intro, name, email, mobile], heading=_("Your details"))


def needs_step():
    needs = _question(
        "checkboxes",
        label=_("Help you need"),
        hint=_("Select all that apply."),
        name=NEEDS,
        required=False,
        choices=[
            _option(INTERPRETER, _("An interpreter")),
            _option(WELSH, _("An adviser who speaks Welsh")),
            _option(
                STEP_FREE,
                _("Step-free access"),
                _("No stairs or steps between the entrance and the desk"),
            ),
            _option(
                COMPANION,
                _("Someone coming with me"),
                _("For example a friend, relative or support worker"),
            ),
        ],
    )
    language = _question(
        "text",
        label=_("If you need an interpreter, which language?"),
        name=LANGUAGE,
        required=False,
    )
    return question_step(
        NEEDS_STEP,
        [needs, language],
        heading=_("Do you need anything at your appointment?"),
    )


def booking_journey(page, answers, *, nearest=None, now=None):
    """The journey for a resident with these answers (an empty dict: for rules and editors)."""
    now = now or timezone.now()
    found = chosen(page, answers)
    steps = []
    if len(found.types) != 1:
        steps.append(type_step(found.types))
    steps += [
        place_step(found.type),
        day_step(found.type, found.location, now),
        time_step(found.type, found.location, found.day, now, nearest),
        details_step(),
        needs_step(),
    ]
    return Journey(steps)
