"""Notifications: what residents (and teams) are told about a case, kept as an outbox.

A row is written in the transaction that changes the case, with its text already rendered in the
resident's language. Sending happens after commit, in a task, through GOV.UK Notify or Django's
email backend; a failed send is retried with backoff by `send_due_notifications` and never touches
the case. Staff see what was sent, scoped to the cases they may see.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms_app.cases.models import Case

from .enums import (
    CLAIM_LEASE,
    MAX_ATTEMPTS,
    RETRY_BACKOFF,
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Notifications about the cases this member of staff may see (the cases' own scope)."""
        return self.filter(case__in=Case.objects.for_user(user))

    def for_case(self, case):
        return self.filter(case=case).order_by("created_at", "pk")

    def anonymise(self):
        """For retention: forget who was written to and what was said; never send what is left."""
        self.filter(status=NotificationStatus.PENDING).update(
            status=NotificationStatus.FAILED,
            next_attempt_at=None,
            last_error=str(_("Not sent: personal details were removed.")),
        )
        return self.update(recipient="", body="")

    def due(self, now=None):
        return self.filter(
            status=NotificationStatus.PENDING, next_attempt_at__lte=now or timezone.now()
        )


class Notification(models.Model):
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
    kind = models.CharField(_("about"), max_length=20, choices=NotificationKind.choices)
    channel = models.CharField(_("sent by"), max_length=10, choices=NotificationChannel.choices)
    recipient = models.CharField(_("to"), max_length=254)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("message"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, default=timezone.now, db_index=True
    )
    last_error = models.CharField(
        _("last error"),
        max_length=200,
        blank=True,
        help_text=_("What went wrong, without personal details."),
    )
    provider_id = models.CharField(_("provider's id"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
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

    def claim(self, now):
        """Take this message for one attempt, unless another sender has it or it is not due.

        A conditional UPDATE rather than a lock, so no transaction is held open while we talk
        to Notify or the mail server.
        """
        claimed = (
            Notification.objects.filter(
                pk=self.pk, status=NotificationStatus.PENDING, next_attempt_at__lte=now
            ).update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_LEASE)
            == 1
        )
        if claimed:
            self.refresh_from_db()
        return claimed

    def mark_sent(self, provider_id, now):
        self.status = NotificationStatus.SENT
        self.provider_id = (provider_id or "")[:100]
        self.sent_at = now
        self.next_attempt_at = None
        self.last_error = ""
        self.save(
            update_fields=["status", "provider_id", "sent_at", "next_attempt_at", "last_error"]
        )

    def mark_failed(self, reason):
        """Give up: nothing more will be tried."""
        self.status = NotificationStatus.FAILED
        self.last_error = reason[:200]
        self.next_attempt_at = None
        self.save(update_fields=["status", "last_error", "next_attempt_at"])

    def retry_later(self, reason, now):
        """Record a failed attempt; try again after the backoff, or give up after the last."""
        if self.attempts >= MAX_ATTEMPTS:
            self.mark_failed(
                _("Gave up after %(attempts)s attempts: %(reason)s")
                % {"attempts": self.attempts, "reason": reason}
            )
            return
        self.last_error = reason[:200]
        self.next_attempt_at = now + RETRY_BACKOFF[max(self.attempts, 1) - 1]
        self.save(update_fields=["last_error", "next_attempt_at"])


def notifications_for_case(case):
    """What the resident and team were sent about a case, oldest first, for the case page.

    The caller has already checked the user may see the case (`case.can_be_worked_by(user)`).
    """
    return Notification.objects.for_case(case)
