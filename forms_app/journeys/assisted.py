"""Assisted digital: staff completing a journey on a resident's behalf, all in one place.

Staff with the permission `journeys.assist_residents` (given to the Customer services group) turn
on "assisted mode" for their session; every journey they complete then records the submission as
assisted, and who helped. The switch lives in the session, so it ends when they sign out.
Starting or stopping forgets any journey left half-finished, so one resident's answers never show
for the next. While it is on, the resident's own name, email and phone become optional.
"""

from django.core.exceptions import PermissionDenied
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .enums import CONTACT_ROLES
from .progress import forget_unfinished_journeys
from .questions import answer_role

SESSION_KEY = "townhall:assisted"
PERMISSION = "journeys.assist_residents"


def can_assist(user):
    return user.is_authenticated and user.is_active and user.has_perm(PERMISSION)


def is_assisting(request):
    return bool(
        request is not None and request.session.get(SESSION_KEY) and can_assist(request.user)
    )


def assisting_staff(request):
    """The member of staff completing a journey in this request on a resident's behalf, or None."""
    return request.user if is_assisting(request) else None


def start_assisting(request):
    """Turn assisted mode on for this member of staff's session."""
    if not can_assist(request.user):
        raise PermissionDenied
    forget_unfinished_journeys(request.session)
    request.session[SESSION_KEY] = True


def stop_assisting(request):
    """Turn assisted mode off, forgetting the answers of a journey the resident did not finish."""
    forget_unfinished_journeys(request.session)
    request.session.pop(SESSION_KEY, None)


def assisted_optional_fields(request, form):
    """While staff are assisting, the resident's name, email and phone become optional.

    Someone at the desk may have no email address or phone, or not want to give them, and must
    not be turned away for it. `form` is a journey question form (QuestionForm). Returns the names
    of the fields that were made optional.
    """
    if not is_assisting(request):
        return []
    relaxed = []
    for name, question in getattr(form, "questions", {}).items():
        field = form.fields.get(name)
        if field is not None and field.required and answer_role(question) in CONTACT_ROLES:
            field.required = False
            field.label = format_html("{} {}", field.label, _("(optional)"))
            relaxed.append(name)
    return relaxed
