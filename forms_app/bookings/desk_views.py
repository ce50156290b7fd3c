"""The reception desk in the admin: a location's day, marking arrivals, walk-ins, the export and
the service-standard report. Only staff with bookings.work_reception_desk reach any of it."""

import csv
import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms_app.journeys.assisted import can_assist
from townhall.spreadsheets import spreadsheet_safe

from . import desk
from .case_notes import note_on_case
from .enums import BookingStatus
from .forms import CancelForm, DeskDayForm, ReportForm, WalkInForm
from .models import Booking, InvalidTransition
from .notifications import queue_cancelled
from .permissions import can_work_desk
from .reports import service_standard
from .seats import release_seat

CANCELLED_BY_DESK = gettext_lazy("Appointment cancelled by reception for the resident.")
CANCELLED_BY_DESK_BECAUSE = gettext_lazy(
    "Appointment cancelled by reception for the resident. Reason: %(reason)s"
)


class DeskPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_work_desk(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def desk_url(location, day):
    return reverse("bookings_desk") + "?" + urlencode({"location": location.pk, "day": day})


def _time(moment):
    return timezone.localtime(moment).strftime("%H:%M") if moment else ""


def _chosen_day(request, locations):
    """The location and day asked for (the first location and today if none): a bound form."""
    data = request.GET.copy() if request.method == "GET" else request.POST.copy()
    if not data.get("location") and locations:
        data["location"] = str(locations[0].pk)
    if not data.get("day"):
        data["day"] = timezone.localdate().isoformat()
    return DeskDayForm(data, locations=desk.desk_locations())


class DeskView(DeskPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "bookings/desk/day.html"
    page_title = gettext_lazy("Reception desk")
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        if not desk.desk_locations().exists():
            return self.render_to_response(super().get_context_data(no_locations=True))
        return self.render_to_response(self.get_context_data(day_form=self._day_form()))

    def post(self, request, *args, **kwargs):
        """Add a walk-in to the day's list."""
        day_form = self._day_form()
        if not day_form.is_valid():
            return self.render_to_response(self.get_context_data(day_form=day_form))
        location = day_form.cleaned_data["location"]
        walk_in_form = WalkInForm(request.POST, appointment_types=desk.walk_in_types(location))
        if not walk_in_form.is_valid():
            context = self.get_context_data(day_form=day_form, walk_in_form=walk_in_form)
            return self.render_to_response(context)
        booking = desk.add_walk_in(
            location,
            walk_in_form.cleaned_data["appointment_type"],
            walk_in_form.cleaned_data["name"],
            by=request.user,
        )
        messages.success(
            request,
            _("%(name)s is on today’s list, checked in.") % {"name": booking.walk_in_name},
        )
        return redirect(desk_url(location, timezone.localdate()))

    def _day_form(self):
        return _chosen_day(self.request, list(desk.desk_locations()[:1]))

    def get_context_data(self, *, day_form, walk_in_form=None, **kwargs):
        context = super().get_context_data(day_form=day_form, **kwargs)
        if not day_form.is_valid():
            return context
        location, day = day_form.cleaned_data["location"], day_form.cleaned_data["day"]
        bookings = list(desk.day_list(location, day))
        context.update(
            location=location,
            day=day,
            is_today=day == timezone.localdate(),
            rows=[
                {
                    "booking": booking,
                    "name": desk.resident_name(booking),
                    "starts": _time(booking.starts_at),
                    "checked_in": _time(booking.checked_in_at),
                    "called": _time(booking.called_at),
                    "finished": _time(booking.completed_at or booking.no_show_at),
                    "actions": desk.desk_actions(booking),
                }
                for booking in bookings
            ],
            can_book=can_assist(self.request.user),
            waiting=sum(b.status == BookingStatus.CHECKED_IN for b in bookings),
            expected=sum(b.status == BookingStatus.BOOKED for b in bookings),
            walk_in_form=walk_in_form or WalkInForm(appointment_types=desk.walk_in_types(location)),
            export_url=reverse("bookings_desk_export")
            + "?"
            + urlencode({"location": location.pk, "day": day}),
            previous_url=desk_url(location, day - dt.timedelta(days=1)),
            next_url=desk_url(location, day + dt.timedelta(days=1)),
        )
        return context


class DeskActionView(DeskPermissionMixin, View):
    """Check in, call in, complete or mark a no-show: one button on the day's list."""

    def post(self, request, pk):
        booking = get_object_or_404(Booking.objects.select_related("location"), pk=pk)
        day = timezone.localtime(booking.starts_at).date()
        try:
            status = BookingStatus(request.POST.get("status", ""))
        except ValueError:
            status = None
        if status not in desk.DESK_ACTIONS:
            messages.error(request, _("Choose what has happened from the buttons."))
            return redirect(desk_url(booking.location, day))
        try:
            booking.transition(status, by=request.user)
        except InvalidTransition:
            messages.error(
                request,
                _("%(reference)s is already %(status)s: refresh the list.")
                % {"reference": booking.reference, "status": booking.get_status_display().lower()},
            )
        else:
            messages.success(
                request,
                _("%(reference)s: %(status)s at %(time)s.")
                % {
                    "reference": booking.reference,
                    "status": booking.get_status_display(),
                    "time": _time(timezone.now()),
                },
            )
        return redirect(desk_url(booking.location, day))


class DeskCancelView(DeskPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Cancel for a resident who phoned or came in: asks first, then frees the seat at once."""

    template_name = "bookings/desk/cancel.html"
    page_title = gettext_lazy("Cancel an appointment")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.booking = get_object_or_404(
            Booking.objects.select_related("location", "appointment_type", "case"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self._render(CancelForm())

    def post(self, request, *args, **kwargs):
        booking = self.booking
        back = desk_url(booking.location, timezone.localtime(booking.starts_at).date())
        form = CancelForm(request.POST)
        if not form.is_valid():
            return self._render(form)
        reason = form.cleaned_data["reason"]
        try:
            # The seat, the case's note and the resident's message, all or none: the resident is
            # told in writing, as when they cancel by their link.
            with transaction.atomic():
                release_seat(booking, by=request.user, reason=reason)
                if reason:
                    note_on_case(booking, CANCELLED_BY_DESK_BECAUSE, by=request.user, reason=reason)
                else:
                    note_on_case(booking, CANCELLED_BY_DESK, by=request.user)
                queue_cancelled(booking)
        except InvalidTransition:
            booking.refresh_from_db()
            messages.error(
                request,
                _("%(reference)s is already %(status)s: nothing was cancelled.")
                % {"reference": booking.reference, "status": booking.get_status_display().lower()},
            )
            return redirect(back)
        messages.success(
            request,
            _("%(reference)s is cancelled. The time can be booked again.")
            % {"reference": booking.reference},
        )
        return redirect(back)

    def _render(self, form):
        booking = self.booking
        return self.render_to_response(
            self.get_context_data(
                booking=booking,
                name=desk.resident_name(booking),
                when=timezone.localtime(booking.starts_at),
                form=form,
                can_cancel=booking.can_transition_to(BookingStatus.CANCELLED),
                back_url=desk_url(booking.location, timezone.localtime(booking.starts_at).date()),
            )
        )


class DeskExportView(DeskPermissionMixin, View):
    """The day's list as CSV, for printing or a spreadsheet."""

    def get(self, request):
        form = _chosen_day(request, list(desk.desk_locations()[:1]))
        if not form.is_valid():
            return redirect("bookings_desk")
        location, day = form.cleaned_data["location"], form.cleaned_data["day"]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"appointments-{location.slug}-{day.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Time"),
                _("Reference"),
                _("Name"),
                _("Appointment"),
                _("Walk-in"),
                _("Status"),
                _("Checked in"),
                _("Called"),
                _("Completed"),
                _("Did not attend"),
            ]
        )
        for booking in desk.day_list(location, day):
            writer.writerow(
                [
                    spreadsheet_safe(value)
                    for value in (
                        _time(booking.starts_at),
                        booking.reference,
                        desk.resident_name(booking),
                        booking.appointment_type.name,
                        _("Yes") if booking.walk_in else _("No"),
                        booking.get_status_display(),
                        _time(booking.checked_in_at),
                        _time(booking.called_at),
                        _time(booking.completed_at),
                        _time(booking.no_show_at),
                    )
                ]
            )
        return response


def _share(value):
    return "" if value is None else f"{value:g}%"


class ServiceStandardView(DeskPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "bookings/desk/service_standard.html"
    page_title = gettext_lazy("Reception service standard")
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        form = ReportForm(request.GET or None)
        valid = not form.is_bound or form.is_valid()
        weeks = (form.cleaned_data.get("weeks") if form.is_bound and valid else None) or 8
        rows = service_standard(weeks) if valid else []
        if valid and request.GET.get("export") == "csv":
            return self._csv(rows)
        context = self.get_context_data(
            form=form,
            rows=[
                (
                    row,
                    _share(row.on_time_share),
                    _share(row.no_show_rate),
                    _share(row.capacity_used),
                )
                for row in rows
            ],
            within=settings.BOOKINGS_SEEN_WITHIN_MINUTES,
            export_url=reverse("bookings_service_standard")
            + "?"
            + urlencode({"weeks": weeks, "export": "csv"}),
        )
        return self.render_to_response(context)

    def _csv(self, rows):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="service-standard.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Week starting"),
                _("Location"),
                _("Appointments"),
                _("Seen on time"),
                _("Did not attend"),
                _("Capacity used"),
            ]
        )
        for row in rows:
            writer.writerow(
                [
                    row.week.isoformat(),
                    spreadsheet_safe(row.location),
                    row.appointments,
                    _share(row.on_time_share),
                    _share(row.no_show_rate),
                    _share(row.capacity_used),
                ]
            )
        return response
