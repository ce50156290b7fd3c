"""The abstract outbox item: one piece of work to send elsewhere, its state, and when it is due.

An item is pending until it is sent, given up as failed, or cancelled. `next_attempt_at` says when
it is due: the moment it was queued for work sent at once, a later time for scheduled work (a
booking reminder, a Direct Debit advance notice), the end of the backoff after a failed attempt, or
the end of a worker's lease while it is being sent. Concrete models (`Notification`,
`WebhookDelivery`) add what they carry and label the states in their own words.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The wait after each failed attempt. A receiver down for a deploy is caught by the first retries;
# one down for most of a day by the last. After the last wait, one more failure gives up.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1

LAST_ERROR_MAX_LENGTH = 255


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


def status_field(choices=OutboxStatus):
    """The status column, with a model's own words for each state (staff read "Delivered").

    `choices` is a TextChoices with exactly the outbox's values, which the shared code relies on.
    """
    if set(choices.values) != set(OutboxStatus.values):
        raise ImproperlyConfigured(
            f"{choices.__name__} must have exactly the outbox statuses: {OutboxStatus.values}"
        )
    return models.CharField(
        _("status"),
        max_length=10,
        choices=choices.choices,
        default=OutboxStatus.PENDING,
        db_index=True,
    )


class OutboxQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OutboxStatus.PENDING)

    def due(self, now=None):
        """Pending items whose time has come: first sends, and retries whose wait is over."""
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())

    def scheduled(self, now=None):
        """Pending items never tried yet, waiting for the later time they were queued for."""
        return self.pending().filter(attempts=0, next_attempt_at__gt=now or timezone.now())

    def cancel(self):
        """Withdraw the pending items: they are never sent. Returns how many.

        Sent and failed items are what happened, so they are left alone. An item a worker is
        sending at this very moment cannot be called back, and is recorded as sent.
        """
        return self.pending().update(status=OutboxStatus.CANCELLED, next_attempt_at=None)

    def give_up(self, reason):
        """Stop the pending items for good, saying why (staff read it). Returns how many."""
        return self.pending().update(
            status=OutboxStatus.FAILED,
            next_attempt_at=None,
            last_error=str(reason)[:LAST_ERROR_MAX_LENGTH],
        )


class OutboxItem(models.Model):
    status = status_field()
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, default=timezone.now, db_index=True
    )
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.CharField(
        _("last error"),
        max_length=LAST_ERROR_MAX_LENGTH,
        blank=True,
        help_text=_("What went wrong, without personal details."),
    )
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    # A worker keeps an item it claimed for this long: if it dies mid-send, the item is due again
    # after the lease. Make it well beyond the longest a send can take.
    claim_lease = datetime.timedelta(minutes=15)
    # Fields a model's send function sets on the item (a provider's id, a response code): saved
    # with the outcome of each attempt, whatever it was.
    send_records = ()

    objects = OutboxQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def claim(self, now):
        """Take this item for one attempt, unless it is not due or another worker has it.

        One conditional UPDATE rather than a lock, so no transaction stays open while we talk
        to the receiver. The attempt is counted here, before sending, so an item whose send
        kills the worker still runs out of attempts.
        """
        claimed = (
            type(self)
            ._default_manager.filter(
                pk=self.pk, status=OutboxStatus.PENDING, next_attempt_at__lte=now
            )
            .update(
                attempts=F("attempts") + 1,
                last_attempt_at=now,
                next_attempt_at=now + self.claim_lease,
            )
        )
        if claimed:
            self.refresh_from_db(
                fields=["status", "attempts", "last_attempt_at", "next_attempt_at"]
            )
        return claimed == 1

    def mark_sent(self, now):
        self.status = OutboxStatus.SENT
        self.sent_at = now
        self.next_attempt_at = None
        self.last_error = ""
        self._record("status", "sent_at", "next_attempt_at", "last_error")

    def retry_later(self, reason, now):
        """Record a failed attempt: due again after the backoff, or given up after the last."""
        if self.attempts >= MAX_ATTEMPTS:
            self.give_up(
                _("Gave up after %(attempts)s attempts: %(reason)s")
                % {"attempts": self.attempts, "reason": reason}
            )
            return
        self.last_error = str(reason)[:LAST_ERROR_MAX_LENGTH]
        self.next_attempt_at = now + RETRY_DELAYS[max(self.attempts, 1) - 1]
        self._record("last_error", "next_attempt_at")

    def give_up(self, reason, *, attempted=True):
        """Stop for good: nothing more will be tried.

        `attempted=False` when nothing left this server (a key or an address is missing): the
        attempt the claim counted is handed back, so `attempts` counts only what receivers saw.
        """
        self.status = OutboxStatus.FAILED
        self.last_error = str(reason)[:LAST_ERROR_MAX_LENGTH]
        self.next_attempt_at = None
        fields = ["status", "last_error", "next_attempt_at"]
        if not attempted and self.attempts:
            self.attempts -= 1
            fields.append("attempts")
        self._record(*fields)

    def _record(self, *fields):
        self.save(update_fields=[*fields, *self.send_records])
