"""Pages for residents about their cases, and the switch reception staff use to help them.

"Check progress" shows a case to whoever knows its reference and the email address or postcode
given with it. A wrong reference and a wrong email address look the same from outside, in words
and in the work done, so the page cannot be used to learn which references exist.
"""

import hmac

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms_app.journeys import assisted
from townhall import ratelimit, too_many
from townhall.redirects import redirect_back

from .enums import CaseStatus
from .models import Case
from .resident_forms import EMAIL, CheckProgressForm, compact_email, compact_postcode

TRIES = 10
TRIES_WINDOW_SECONDS = 15 * 60

NOT_FOUND = _(
    "We could not find a case with those details. Check your reference number and the email "
    "address or postcode you gave us, then try again."
)

# Compared against when no case has the reference, so that a wrong reference costs the same work
# as a wrong email address or postcode. Neither can be typed into the form and match.
_DUMMY = {EMAIL: "nobody@example.invalid", "postcode": "ZZ99ZZ"}

# Status in the resident's words, and the colour of its tag.
RESIDENT_STATUS = {
    CaseStatus.NEW: (_("Received"), "govuk-tag--blue"),
    CaseStatus.IN_PROGRESS: (_("In progress"), "govuk-tag--light-blue"),
    CaseStatus.WAITING: (_("Waiting for a reply from you"), "govuk-tag--yellow"),
    CaseStatus.RESOLVED: (_("Done"), "govuk-tag--green"),
    CaseStatus.CLOSED: (_("Closed"), "govuk-tag--grey"),
    CaseStatus.CANCELLED: (_("Cancelled"), "govuk-tag--grey"),
}


def _stored_secret(case, kind):
    if case is None:
        return _DUMMY[kind]
    if kind == EMAIL:
        return compact_email(case.resident_email)
    return compact_postcode(case.resident_postcode)


def find_case(reference, contact):
    """The case with this reference if `contact` (kind, value) matches what the resident gave.

    One query whether or not the reference exists, and one constant-time comparison either way.
    """
    kind, given = contact
    case = Case.objects.select_related("journey").filter(reference=reference).first()
    stored = _stored_secret(case, kind)
    matches = hmac.compare_digest(given.encode(), stored.encode())
    if case is None or not stored or not matches:
        return None
    return case


def _form_name(case):
    if case.journey is not None:
        return case.journey.localized.title
    if case.submission_id:
        return case.submission.journey_title
    return _("Your request")


def _case_context(case):
    label, colour = RESIDENT_STATUS[case.status]
    return {
        "reference": case.reference,
        "form_name": _form_name(case),
        "status_label": label,
        "status_colour": colour,
        "is_open": case.is_open,
        "is_overdue": case.is_overdue,
        "due_date": case.due_date,
        "received": case.created_at,
        # Only what staff chose to tell the resident; never internal notes.
        "updates": list(
            case.updates.filter(public=True)
            .order_by("-created_at", "-pk")
            .values("kind", "text", "created_at")
        ),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def check_progress(request):
    form = CheckProgressForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # Only lookups are counted: a resident correcting a typo in the form is not penalised.
        if not ratelimit.hit("cases.check-progress", request, TRIES, TRIES_WINDOW_SECONDS):
            return too_many.refused(
                request,
                "cases.check-progress",
                TRIES_WINDOW_SECONDS,
                "cases/resident/rate_limited.html",
            )
        case = find_case(form.cleaned_data["reference"], form.cleaned_data["contact"])
        if case is not None:
            return render(request, "cases/resident/case_status.html", _case_context(case))
        form.add_error("reference", NOT_FOUND)
    return render(request, "cases/resident/check_progress.html", {"form": form})


# Assisted digital ----------------------------------------------------------------------------


@require_POST
def start_assisting(request):
    assisted.start_assisting(request)
    return redirect_back(request.POST.get("next"))


@require_POST
def stop_assisting(request):
    if not assisted.can_assist(request.user):
        raise PermissionDenied
    assisted.stop_assisting(request)
    return redirect_back(request.POST.get("next"), default=reverse("cases_help_a_resident"))


class HelpAResidentView(WagtailAdminTemplateMixin, TemplateView):
    """The admin page reception staff start assisted mode from."""

    template_name = "cases/resident/help_a_resident.html"
    page_title = _("Help a resident online")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not assisted.can_assist(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_assisting=assisted.is_assisting(self.request),
            start_url=reverse("check_progress:assisted_start"),
            stop_url=reverse("check_progress:assisted_stop"),
            **kwargs,
        )
