"""Assisted digital: reception staff completing a journey on a resident's behalf.

A member of the reception group turns on "assisted mode" for their session; every journey they
complete then records the case as assisted, and who helped. The switch lives in the session, so it
ends when they sign out. Starting or stopping forgets any journey left half-finished, so one
resident's answers never show for the next.
"""

from django.core.exceptions import PermissionDenied

from forms_app.journeys.progress import forget_unfinished_journeys

from .enums import Channel

SESSION_KEY = "townhall:assisted"
RECEPTION_GROUP = "Customer services"


def can_assist(user):
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=RECEPTION_GROUP).exists()
    )


def is_assisting(request):
    return bool(
        request is not None and request.session.get(SESSION_KEY) and can_assist(request.user)
    )


def channel_for(request):
    """(channel, staff member) for a submission made in this request."""
    if is_assisting(request):
        return Channel.ASSISTED, request.user
    return Channel.ONLINE, None


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


# Question types that hold the resident's own contact details. Someone at the desk may have no
# email address or phone, or not want to give them, and must not be turned away for it.
CONTACT_QUESTION_TYPES = frozenset({"email", "phone"})


def _is_contact_question(name, question):
    kind = question.block.question_type
    # The same test casework uses to find the resident's name among the answers (routing.py).
    return kind in CONTACT_QUESTION_TYPES or (kind == "text" and "name" in name)


def assisted_optional_fields(request, form):
    """While staff are assisting, the resident's name, email and phone become optional.

    `form` is a journey question form (forms_app.journeys.questions.QuestionForm). Returns the
    names of the fields that were made optional.
    """
    if not is_assisting(request):
        return []
    relaxed = []
    for name, question in getattr(form, "questions", {}).items():
        field = form.fields.get(name)
        if field is not None and field.required and _is_contact_question(name, question):
            field.required = False
            relaxed.append(name)
    return relaxed
