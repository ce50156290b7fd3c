"""The reception desk books and changes appointments for a resident in front of them or on the
phone (assisted, recorded).

- "Book an appointment" starts the public booking journey in assisted mode
  (forms_app/journeys/assisted.py) with the desk's location chosen: the booking records the
  member of staff (`Booking.booked_by`), the submission is marked assisted, and the resident's
  email and phone are optional.
- "Change time" lists the free times for the booking's type and location, day by day, and moves
  the seat (`seats.move_seat`): the old time is bookable at once, the case notes who moved it
  from when to when, and the resident is sent the new time.

Both need the desk's permission; booking also needs assisted digital's.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms_app.journeys.assisted import can_assist

from . import desk
from .availability import free_days, free_times
from .case_notes import note_on_case
from .desk_views import DeskPermissionMixin, desk_url
from .enums import BookingStatus
from .models import Booking, InvalidTransition
from .notifications import queue_changed
from .questions import format_day, format_slot, format_time, parse_day, parse_slot, slot_value
from .seats import SlotTaken, move_seat

MOVED_BY_DESK = gettext_lazy("Appointment moved by reception from %(old)s to %(new)s.")
# Kept on the booking's history, in one language whoever is signed in (as the link's reason).
BY_DESK = "By reception, for the resident"


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


class DeskBookView(DeskPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Book for a resident at the desk's location: straight into the booking journey when one
    booking page offers appointments there, otherwise a choice of pages first."""

    template_name = "bookings/desk/book.html"
    page_title = gettext_lazy("Book an appointment for a resident")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not can_assist(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        location = get_object_or_404(desk.desk_locations(), pk=request.POST.get("location"))
        offered = desk.booking_pages_for(location)
        back = desk_url(location, timezone.localdate())
        if not offered:
            messages.error(
                request,
                _("No published booking page offers appointments at %(place)s.")
                % {"place": location.title},
            )
            return redirect(back)
        chosen = [page for page, _types in offered if str(page.pk) == request.POST.get("page")]
        if len(offered) == 1:
            chosen = [offered[0][0]]
        if not chosen:
            context = self.get_context_data(location=location, offered=offered, back_url=back)
            return self.render_to_response(context)
        page = chosen[0]
        desk.begin_assisted_booking(request, page, location)
        return redirect(page.get_url(request))


class DeskChangeView(DeskPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Move a booking to another free time of its type at its location, for the resident."""

    template_name = "bookings/desk/change.html"
    page_title = gettext_lazy("Change an appointment’s time")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.booking = get_object_or_404(
            Booking.objects.select_related("location", "appointment_type", "case"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def _back(self, booking):
        return desk_url(booking.location, timezone.localtime(booking.starts_at).date())

    def get(self, request, *args, **kwargs):
        return self._render(parse_day(request.GET.get("day")))

    def post(self, request, *args, **kwargs):
        booking = self.booking
        new_start = parse_slot(request.POST.get("time"))
        if new_start is None:
            messages.error(request, _("Choose a new time from the list."))
            return self._render(None)
        old_start = booking.starts_at
        try:
            moved = move_seat(booking, new_start, by=request.user, reason=BY_DESK)
        except InvalidTransition:
            messages.error(
                request,
                _("%(reference)s is already %(status)s: its time was not changed.")
                % {"reference": booking.reference, "status": booking.get_status_display().lower()},
            )
            return redirect(self._back(booking))
        except SlotTaken:
            messages.error(request, _("That time has just been taken. Choose another time."))
            return self._render(timezone.localtime(new_start).date())
        note_on_case(
            moved,
            MOVED_BY_DESK,
            by=request.user,
            old=_when(old_start),
            new=_when(moved.starts_at),
        )
        queue_changed(moved)
        messages.success(
            request,
            _("%(reference)s is moved to %(when)s. The old time can be booked again.")
            % {"reference": moved.reference, "when": format_slot(moved.starts_at)},
        )
        return redirect(self._back(moved))

    def _render(self, day):
        booking = self.booking
        can_change = booking.status == BookingStatus.BOOKED and not booking.walk_in
        days, times = [], []
        if can_change:
            days = free_days(booking.appointment_type, booking.location)
            if day not in days:
                day = days[0] if days else None
            if day is not None:
                times = [
                    (slot_value(free.starts_at), format_time(free.starts_at))
                    for free in free_times(booking.appointment_type, booking.location, day)
                    if free.starts_at != booking.starts_at
                ]
        return self.render_to_response(
            self.get_context_data(
                booking=booking,
                name=desk.resident_name(booking),
                when=format_slot(booking.starts_at),
                can_change=can_change,
                days=[(free_day, format_day(free_day)) for free_day in days],
                day=day,
                day_label=format_day(day) if day else "",
                times=times,
                back_url=self._back(booking),
            )
        )
