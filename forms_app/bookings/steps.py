"""What the booking page adds to the journey engine's pages: the checks and words of a booking.

- Sending (`book`): take the seat, open the case, link them, queue the confirmation; a time
  taken meanwhile goes back to the time step with the nearest free times.
- Your details (`refuse_details`): an email address, a UK mobile number or both.
- A changed type, place or day (`answer_changed`) drops the answers that depended on it.
- The time step (`time_chosen`): a nearest time on another day moves the day answer with it.
- Templates (`restyle`, `confirmation`): the engine's pages in a booking's words.
"""

import datetime
from collections import namedtuple

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from forms_app.cases.contact import uk_mobile
from forms_app.journeys.assisted import (
    assisted_optional_fields,
    assisting_staff,
    is_assisting,
)
from forms_app.journeys.progress import load_state, save_state
from forms_app.journeys.questions import build_form
from forms_app.journeys.submit import SubmissionRefused

from . import links
from .availability import nearest_free_times
from .journey import (
    DAY,
    DAY_STEP,
    DETAILS_STEP,
    EMAIL,
    MOBILE,
    PLACE,
    PLACE_STEP,
    TIME,
    TIME_STEP,
    TYPE,
    TYPE_STEP,
    chosen,
)
from .models import Booking
from .notifications import queue_confirmation
from .questions import format_time, parse_slot, slot_value
from .seats import SlotTaken, take_seat

NEAREST_PREFIX = "bookings:nearest:"
NEAREST_COUNT = 5

NearTime = namedtuple("NearTime", "starts_at")


def _nearest_key(page):
    return f"{NEAREST_PREFIX}{page.journey_key}"


def nearest_from_session(session, page):
    """The nearest free times offered after a refused booking, or None."""
    stored = session.get(_nearest_key(page)) or []
    times = [parse_slot(value) for value in stored]
    return [NearTime(moment) for moment in times if moment] or None


def book(page, request, submission, answers, hand_over):
    """The submit hook: inside the transaction that stored `submission`."""
    found = chosen(page, answers.values())
    if found.type is None:
        raise SubmissionRefused(_("Select what your appointment is about"), step=TYPE_STEP)
    if found.location is None:
        raise SubmissionRefused(_("Select where you would like to go"), step=PLACE_STEP)
    starts_at = found.starts_at
    now = timezone.now()
    try:
        if starts_at is None:
            raise SlotTaken
        # Re-checks the time is still offered (notice, window, closures) and takes the seat, or
        # raises SlotTaken; the booking shares the submission's (and so the case's) reference.
        booking = take_seat(
            found.type,
            found.location,
            starts_at,
            now=now,
            reference=submission.reference,
            by=assisting_staff(request),
        )
    except SlotTaken:
        _offer_nearest(request, page, found, starts_at, now)
        raise SubmissionRefused(
            _("That time has just been taken. Choose another time."), step=TIME_STEP
        ) from None
    case = hand_over(request, submission, answers)
    booking.case = case
    booking.save(update_fields=["case"])
    if request is not None:
        request.session.pop(_nearest_key(page), None)
    queue_confirmation(booking)
    return case


def _offer_nearest(request, page, found, starts_at, now):
    if request is None:
        return
    around = starts_at or now
    nearest = nearest_free_times(found.type, found.location, around, count=NEAREST_COUNT, now=now)
    if nearest:
        request.session[_nearest_key(page)] = [slot_value(free.starts_at) for free in nearest]
    else:
        request.session.pop(_nearest_key(page), None)


# A new answer on one of these steps makes the answers after it meaningless (a time on another
# day, a day at another place): they are dropped, and the resident chooses them again.
DEPENDENT = {
    TYPE_STEP: (TYPE, (PLACE, DAY, TIME)),
    PLACE_STEP: (PLACE, (DAY, TIME)),
    DAY_STEP: (DAY, (TIME,)),
}


def answer_changed(request, page, step_slug, before):
    """After a step was answered: drop what depended on a changed answer. Returns where to go
    instead (the next step, still on the way back to check your answers), or None."""
    if step_slug not in DEPENDENT:
        return None
    name, dependents = DEPENDENT[step_slug]
    state = load_state(request.session, page)
    if not state or state["answers"].get(name) == before.get(name):
        return None
    dropped = [d for d in dependents if state["answers"].pop(d, None) is not None]
    if not dropped:
        return None
    save_state(request.session, page, state)
    if not request.GET.get("change"):
        return None
    journey = page.journey()
    following = journey.next_after(journey.by_slug[step_slug], state["answers"])
    return HttpResponseRedirect(f"{page.journey_url}{following.slug}/?change=1")


def time_chosen(request, page):
    """After the time step: the day answer follows the time (a nearest time may be on another
    day), and the nearest times, once chosen from, are not offered again."""
    request.session.pop(_nearest_key(page), None)
    state = load_state(request.session, page)
    if not state:
        return
    moment = parse_slot(state["answers"].get(TIME))
    if moment is None:
        return
    day = timezone.localtime(moment).date().isoformat()
    if state["answers"].get(DAY) != day:
        state["answers"][DAY] = day
        save_state(request.session, page, state)


def refuse_details(request, page, step_slug):
    """The details page again, with an error, when it gives no way to send the confirmation (or
    a phone number that cannot take a text); None to let the engine carry on (or show the
    fields' own errors)."""
    if step_slug != DETAILS_STEP:
        return None
    journey = page.journey()
    step = journey.by_slug[DETAILS_STEP]
    answers = page.answers_so_far or {}
    path, _complete = journey.path(answers)
    if step.slug not in [s.slug for s in path]:
        return None
    form = build_form(step.questions, data=request.POST, single_question_heading=False)
    assisted_optional_fields(request, form)
    form.is_valid()
    email, mobile = form.cleaned_data.get(EMAIL), form.cleaned_data.get(MOBILE)
    contact_errors = EMAIL in form.errors or MOBILE in form.errors
    if mobile and not uk_mobile(mobile):
        form.add_error(MOBILE, _("Enter a UK mobile number, like 07700 900 982, or leave it empty"))
    elif not (email or mobile or contact_errors or is_assisting(request)):
        # Said with any other mistake on the page, so the resident puts everything right at once.
        form.add_error(EMAIL, _("Enter an email address or a UK mobile number"))
    else:
        return None  # the engine carries on, or shows the fields' own errors
    previous = journey.previous(step, answers)
    change = "?change=1" if request.GET.get("change") else ""
    context = {
        "page": page,
        "self": page,
        "step": step,
        "form": form,
        "heading": step.heading,
        "refusal": "",
        "back_url": f"{page.journey_url}{previous.slug}/{change}" if previous else "",
    }
    response = TemplateResponse(request, "bookings/journey/question_page.html", context)
    add_never_cache_headers(response)
    return response


GENERIC_TEMPLATES = {
    "bookings/journey/question_page.html": "journeys/question_page.html",
    "bookings/journey/check_answers.html": "journeys/check_answers.html",
}


def restyle(response, template):
    """The engine's page drawn with the booking's own template (its words, its extras)."""
    if isinstance(response, TemplateResponse) and response.template_name == GENERIC_TEMPLATES.get(
        template
    ):
        response.template_name = template
    return response


def confirmation(request, page, response):
    """The confirmation page: the appointment, what to bring, and its links."""
    if not isinstance(response, TemplateResponse) or "submission" not in (
        response.context_data or {}
    ):
        return response
    booking = (
        Booking.objects.select_related("appointment_type", "location")
        .filter(case__submission=response.context_data["submission"])
        .first()
    )
    if booking is None:
        return response
    response.template_name = "bookings/journey/confirmation.html"
    response.context_data.update(booking_context(booking))
    return response


def booking_context(booking):
    """What the pages and messages about one booking show, in the active language."""
    appointment_type = booking.appointment_type.localized
    location = booking.location.localized
    return {
        "booking": booking,
        "appointment_type": appointment_type,
        "location": location,
        "address_lines": [
            line.strip()
            for line in f"{location.address}\n{location.postcode}".splitlines()
            if line.strip()
        ],
        "what_to_bring": appointment_type.what_to_bring,
        "start_time": format_time(booking.starts_at),
        "end_time": format_time(booking.ends_at),
        "calendar_url": links.link_path(booking.reference, links.CALENDAR),
        "change_url": links.link_path(booking.reference, links.CHANGE),
        "cancel_url": links.link_path(booking.reference, links.CANCEL),
        "change_cutoff_hours": booking.appointment_type.change_cutoff_hours,
    }


def can_change_until(booking):
    return booking.starts_at - datetime.timedelta(
        hours=booking.appointment_type.change_cutoff_hours
    )
