"""The pages a booking's links open: change the time, cancel, add to calendar. No account needed.

A link names its booking by reference, signed for one purpose (links.py). A tampered or expired
link gets a page that says so, and nothing changes. A booking can be changed or cancelled until
its appointment type's cut-off; after that, or once the resident has been seen, the page says how
to contact the council (the place's phone). Each change takes or gives back the seat through
seats.py, in one transaction with the case's record of it and the message to the resident.
"""

from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from forms_app.journeys.questions import build_form, registry

from . import ics, links
from .availability import free_days, free_times, nearest_free_times
from .case_notes import note_on_case
from .enums import CHANGEABLE_STATUSES, BookingStatus
from .models import Booking
from .notifications import queue_cancelled, queue_changed
from .questions import (
    TAKEN,
    day_choices,
    format_short_day,
    parse_day,
    parse_slot,
    time_choices,
)
from .seats import SlotTaken, move_seat, release_seat
from .steps import booking_context

# Staff read these in the case's history, in the site's language.
CANCELLED_NOTE = gettext_lazy(
    "The resident cancelled their appointment at %(when)s by the link in their confirmation."
)
MOVED_NOTE = gettext_lazy(
    "The resident moved their appointment from %(old)s to %(new)s by the link in their "
    "confirmation."
)

# The booking's own history (the reception desk reads it).
BY_LINK = "By the resident, with the link in their confirmation"

CANCELLED = "cancelled"
FINISHED = "finished"
TOO_LATE = "too_late"


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    # The pages show a resident's appointment: no shared cache may keep them.
    add_never_cache_headers(response)
    return response


def _open(request, token, purpose):
    """(booking, None), or (None, the page saying why the link does not work)."""
    try:
        reference = links.read_token(token, purpose)
    except links.LinkExpired:
        return None, _render(request, "bookings/links/link_error.html", {"expired": True}, 410)
    except links.LinkInvalid:
        reference = None
    booking = (
        Booking.objects.select_related("appointment_type", "location", "case")
        .exclude(status=BookingStatus.MOVED)
        .filter(reference=reference)
        .first()
        if reference
        else None
    )
    if booking is None:
        return None, _render(request, "bookings/links/link_error.html", {"expired": False}, 404)
    return booking, None


def why_not_changeable(booking, now=None):
    """None if the resident may still change or cancel it online, else why not."""
    if booking.status == BookingStatus.CANCELLED:
        return CANCELLED
    if booking.status not in CHANGEABLE_STATUSES:
        return FINISHED
    cutoff = booking.starts_at - booking.appointment_type.change_cutoff
    if (now or timezone.now()) >= cutoff:
        return TOO_LATE
    return None


def _cannot(request, booking, reason):
    context = {**booking_context(booking), "reason": reason}
    return _render(request, "bookings/links/cannot_change.html", context)


def calendar(request, token):
    """The appointment as an .ics file (a cancelled one, as a cancellation)."""
    booking, error = _open(request, token, links.CALENDAR)
    if error:
        return error
    response = HttpResponse(
        ics.calendar_file(ics.event_for(booking)), content_type=ics.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{ics.filename(booking.reference)}"'
    add_never_cache_headers(response)
    return response


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    booking, error = _open(request, token, links.CANCEL)
    if error:
        return error
    if request.GET.get("done") and booking.status == BookingStatus.CANCELLED:
        return _render(request, "bookings/links/cancelled.html", booking_context(booking))
    reason = why_not_changeable(booking)
    if reason:
        return _cannot(request, booking, reason)
    if request.method == "POST":
        with transaction.atomic():
            booking = Booking.objects.select_for_update().get(pk=booking.pk)
            reason = why_not_changeable(booking)
            if reason:
                return _cannot(request, booking, reason)
            release_seat(booking, reason=BY_LINK)
            note_on_case(booking, CANCELLED_NOTE, when=_when(booking.starts_at))
            queue_cancelled(booking)
        return HttpResponseRedirect(f"{request.path}?done=1")
    return _render(request, "bookings/links/cancel.html", booking_context(booking))


def _when(moment):
    local = timezone.localtime(moment)
    return local.strftime("%Y-%m-%d %H:%M")


def _question(type_name, **value):
    return registry.get(type_name).to_python(value)


@require_http_methods(["GET", "POST"])
def change(request, token):
    """Choose a new day, then a new time on it; the seat moves only when the time is chosen."""
    booking, error = _open(request, token, links.CHANGE)
    if error:
        return error
    context = booking_context(booking)
    moved = getattr(booking, "moved_from", None) is not None
    if request.GET.get("done") and moved and booking.status in CHANGEABLE_STATUSES:
        return _render(request, "bookings/links/changed.html", context)
    reason = why_not_changeable(booking)
    if reason:
        return _cannot(request, booking, reason)
    day = parse_day(request.GET.get("day"))
    if day is None:
        return _choose_day(request, booking, context)
    posted = parse_slot(request.POST.get("time")) if request.method == "POST" else None
    if posted is not None:
        # A nearest free time offered after a refusal may be on another day: the times it is
        # checked against are that day's.
        day = timezone.localtime(posted).date()
    return _choose_time(request, booking, context, day)


def _choose_day(request, booking, context):
    days = free_days(booking.appointment_type, booking.location)
    question = _question(
        "booking_day",
        label=_("Choose a new day"),
        name="day",
        required=True,
        choices=day_choices(days),
        hint="" if days else _("There are no other free times here at the moment."),
    )
    form = build_form([question], data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return HttpResponseRedirect(f"{request.path}?day={form.cleaned_data['day']}")
    context.update(form=form, heading=_("Choose a new day"), step="day")
    return _render(request, "bookings/links/change.html", context)


def _choose_time(request, booking, context, day, nearest=None, refused=False):
    if nearest:
        options = time_choices(nearest, with_day=True)
        heading = _("Choose another time")
    else:
        times = [
            free
            for free in free_times(booking.appointment_type, booking.location, day)
            if free.starts_at != booking.starts_at
        ]
        options = time_choices(times)
        heading = _("Choose a time on %(day)s") % {"day": format_short_day(day)}
    question = _question(
        "booking_slot",
        label=_("Time"),
        name="time",
        required=True,
        choices=options,
        hint="" if options else _("There are no free times left on this day. Choose another day."),
    )
    posted = request.method == "POST" and not refused
    form = build_form(
        [question], data=request.POST if posted else None, single_question_heading=False
    )
    if posted and form.is_valid():
        new_start = parse_slot(form.cleaned_data["time"])
        if _move(booking, new_start) is not None:
            return HttpResponseRedirect(f"{request.path}?done=1")
    if posted and (new_start := parse_slot(request.POST.get("time"))):
        # Taken meanwhile (before or while moving): the times nearest the one chosen.
        around = nearest_free_times(booking.appointment_type, booking.location, new_start)
        around = [free for free in around if free.starts_at != booking.starts_at]
        response = _choose_time(request, booking, context, day, around, refused=True)
        response.context_data["refusal"] = TAKEN
        return response
    context.update(
        form=form,
        heading=heading,
        step="time",
        day_url=request.path,
    )
    return _render(request, "bookings/links/change.html", context)


def _move(booking, new_start):
    """The booking at its new time, or None if that time was taken meanwhile."""
    try:
        with transaction.atomic():
            booking = Booking.objects.select_for_update().get(pk=booking.pk)
            if why_not_changeable(booking):
                return None
            old_start = booking.starts_at
            moved = move_seat(
                booking,
                new_start,
                reason=BY_LINK,
            )
            note_on_case(moved, MOVED_NOTE, old=_when(old_start), new=_when(moved.starts_at))
            queue_changed(moved)
            return moved
    except SlotTaken:
        return None
