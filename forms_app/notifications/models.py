"""Notifications: what residents (and teams) are told about a case, kept as an outbox.

A row is written in the transaction that changes the case, with its text already rendered in the
resident's language. Sending happens after commit, in a task, through GOV.UK Notify or Django's
email backend, or later at the time it was scheduled for (`queue(..., send_at=...)`); a failed
send is retried with backoff by `send_due_notifications` and never touches the case. Staff see
what was sent, scoped to the cases they may see. The outbox mechanics are shared with webhooks:
see forms_app/outbox/.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from forms_app.cases.models import Case
from forms_app.journeys.questions import EMAIL_MAX_LENGTH
from forms_app.outbox.models import OutboxItem, OutboxQuerySet, status_field

from .enums import NotificationChannel, NotificationStatus
from .kinds import KIND_MAX_LENGTH, kind_choices


class NotificationQuerySet(OutboxQuerySet):
    def for_user(self, user):
        """Notifications about the cases this member of staff may see (the cases' own scope)."""
        return self.filter(case__in=Case.objects.for_user(user))

    def for_case(self, case):
        return self.filter(case=case).order_by("created_at", "pk")

    def anonymise(self):
        """For retention: forget who was written to and what was said; never send what is left."""
        self.give_up(_("Not sent: personal details were removed."))
        return self.update(recipient="", body="")


class Notification(OutboxItem):
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    # Kept when the case is deleted, so the record of what was sent still says what it was about.
    reference = models.CharField(_("reference"), max_length=8, db_index=True)
    # Choices are read from the register of kinds when needed: an app adds a kind, no migration.
    kind = models.CharField(_("about"), max_length=KIND_MAX_LENGTH, choices=kind_choices)
    channel = models.CharField(_("sent by"), max_length=10, choices=NotificationChannel.choices)
    # An email address as long as the question allows, or a phone number.
    recipient = models.CharField(_("to"), max_length=EMAIL_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("message"))
    status = status_field(NotificationStatus)
    provider_id = models.CharField(_("provider's id"), max_length=100, blank=True)

    # Notify or the mail server answer in seconds; a quarter of an hour is well beyond that.
    claim_lease = datetime.timedelta(minutes=15)
    send_records = ("provider_id",)

    objects = NotificationQuerySet.as_manager()

    class Meta(OutboxItem.Meta):
        verbose_name = _("notification")

    def __str__(self):
        return f"{self.reference}: {self.get_kind_display()} ({self.masked_recipient})"

    @property
    def masked_recipient(self):
        """Enough for staff to recognise the address or number, not enough to copy it."""
        if self.channel == NotificationChannel.EMAIL and "@" in self.recipient:
            local, domain = self.recipient.rsplit("@", 1)
            return f"{local[:1]}***@{domain}"
        if len(self.recipient) > 7:
            return f"{self.recipient[:4]}{'*' * (len(self.recipient) - 7)}{self.recipient[-3:]}"
        return "***"


def notifications_for_case(case):
    """What the resident and team were sent about a case, oldest first, for the case page.

    The caller has already checked the user may see the case (`case.can_be_worked_by(user)`).
    """
    return Notification.objects.for_case(case)
