"""What a notification can be about: a register of kinds, so a new one needs no edit here.

Each kind has a value (stored on the notification), a label (staff read it in the "About" column),
a subject and its templates. The notifications app registers its own casework kinds in its
`ready()`; another app registers its kinds in its own, e.g. a booking reminder:

    register_kind(NotificationKindSpec(
        "booking_reminder",
        _("Appointment reminder"),
        subject=_("Your appointment on %(date)s – reference %(reference)s"),
        template="bookings/notifications/{channel}_reminder.txt",
    ))

`Notification.kind` takes its choices from here when asked, so registering a kind needs no
migration.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .enums import NotificationKind

KIND_MAX_LENGTH = 20


@dataclass(frozen=True)
class NotificationKindSpec:
    value: str
    label: str
    # Formatted with the case's reference and summary, and any context the queuer passes.
    subject: str
    # The body's template for each channel ("email", "sms").
    template: str = "notifications/{channel}_{kind}.txt"
    # Files to attach to the email, made when it is sent: `fn(notification)` returning
    # [(filename, bytes, content type)] (an appointment's calendar file). Texts carry none.
    attachments: Callable | None = None

    def template_name(self, channel):
        return self.template.format(channel=channel, kind=self.value)


_kinds = {}


def register_kind(spec):
    """Make `spec` a kind notifications can be about. Registering the same spec twice is fine."""
    if not spec.value or len(spec.value) > KIND_MAX_LENGTH:
        raise ImproperlyConfigured(
            f"A notification kind's value must be 1 to {KIND_MAX_LENGTH} characters: {spec.value!r}"
        )
    registered = _kinds.setdefault(spec.value, spec)
    if registered != spec:
        raise ImproperlyConfigured(f"Another notification kind is registered as {spec.value!r}.")
    return spec


def get_kind(value):
    """The registered kind stored as `value`; LookupError if no app registered it."""
    try:
        return _kinds[value]
    except KeyError:
        raise LookupError(f"No notification kind is registered as {value!r}.") from None


def attachments_for(notification):
    """The files the notification's kind attaches to it, or none."""
    try:
        spec = get_kind(notification.kind)
    except LookupError:
        return []
    return list(spec.attachments(notification)) if spec.attachments else []


def kind_choices():
    """Choices for `Notification.kind`, read when a form, filter or label needs them."""
    return [(spec.value, spec.label) for spec in _kinds.values()]


CASEWORK_KINDS = (
    NotificationKindSpec(
        NotificationKind.RECEIVED.value,
        NotificationKind.RECEIVED.label,
        subject=_("We have received your form – reference %(reference)s"),
    ),
    NotificationKindSpec(
        NotificationKind.MESSAGE.value,
        NotificationKind.MESSAGE.label,
        subject=_("An update on your case %(reference)s"),
    ),
    NotificationKindSpec(
        NotificationKind.RESOLVED.value,
        NotificationKind.RESOLVED.label,
        subject=_("Your case %(reference)s has been resolved"),
    ),
    NotificationKindSpec(
        NotificationKind.WAITING.value,
        NotificationKind.WAITING.label,
        subject=_("We need more information about your case %(reference)s"),
    ),
    NotificationKindSpec(
        NotificationKind.TEAM_NEW_CASE.value,
        NotificationKind.TEAM_NEW_CASE.label,
        subject=_("New case %(reference)s: %(summary)s"),
    ),
)

# Journeys' "Save and come back later" link: about no case, its words written by journeys.
SAVED_FORM = NotificationKindSpec("saved_form", _("Link to a saved form"), subject="%(subject)s")
