"""Queue notifications with the case change, now or for later, and withdraw them before they go.

`queue` is the one way to write a notification; the casework signal handlers below call it, and
so can other apps (a booking reminder, with `send_at`). Sending is tasks.py's.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from forms_app.cases.enums import CaseStatus, UpdateKind
from forms_app.journeys.pages import own_confirmation_kind
from forms_app.outbox.dispatch import enqueue_after_commit

from .content import render, resident_contact
from .enums import NotificationChannel, NotificationKind
from .kinds import SAVED_FORM
from .models import Notification
from .tasks import send_notification

logger = logging.getLogger(__name__)

STATUS_KINDS = {
    CaseStatus.RESOLVED: NotificationKind.RESOLVED,
    CaseStatus.WAITING: NotificationKind.WAITING,
}


def queue(case, kind, channel, recipient, language, update=None, *, send_at=None, context=None):
    """Write the message now, in the caller's transaction; send it once that commits.

    With `send_at`, it is not sent before that time, and is sent once after it (unless it is
    cancelled first). Its text is rendered now, in `language`, with `context` added to what the
    kind's templates see. `kind` is any registered kind (kinds.py).
    """
    subject, body = render(case, kind, channel, language, update, extra_context=context)
    notification = Notification.objects.create(
        case=case,
        reference=case.reference,
        kind=kind,
        channel=channel,
        recipient=recipient,
        language=language,
        subject=subject,
        body=body,
        next_attempt_at=send_at or timezone.now(),
    )
    enqueue_after_commit(notification, send_notification)
    return notification


def queue_resident_email(email, subject, body, language):
    """An email to a resident about no case (journeys' "Save and come back later" link), sent once
    the caller's transaction commits. Its address and words are kept only until it is sent or
    given up (tasks.py forgets them)."""
    notification = Notification.objects.create(
        case=None,
        reference="",
        kind=SAVED_FORM.value,
        channel=NotificationChannel.EMAIL,
        recipient=email,
        language=language,
        subject=str(subject)[:255],
        body=str(body),
        next_attempt_at=timezone.now(),
    )
    enqueue_after_commit(notification, send_notification)
    return notification


def cancel_pending(case, kind=None):
    """Withdraw the messages about `case` (of one `kind`, or all) that have not gone yet.

    A cancelled booking is never reminded. What was sent or given up stays as it was. Returns
    how many were cancelled.
    """
    notifications = Notification.objects.filter(case=case)
    if kind is not None:
        notifications = notifications.filter(kind=kind)
    return notifications.cancel()


def _queue_safely(case, *args, **kwargs):
    # In a savepoint: a notification that cannot be written is logged, never a lost case.
    try:
        with transaction.atomic():
            return queue(case, *args, **kwargs)
    except Exception:
        logger.exception("Could not queue a notification for case %s", case.reference)
        return None


def queue_for_new_case(case):
    queued = []
    contact = resident_contact(case)
    # A page type that confirms in its own words (Direct Debit) replaces "We have received your
    # form": the resident gets one confirmation, not two.
    if case.queue.notify_resident and contact and not own_confirmation_kind(case.journey):
        queued.append(_queue_safely(case, NotificationKind.RECEIVED, *contact, case.language))
    queued.append(_queue_for_team(case))
    return [notification for notification in queued if notification]


def _queue_for_team(case):
    """The queue's team email, told of a case new to the queue, if the queue has one."""
    if not case.queue.team_email:
        return None
    return _queue_safely(
        case,
        NotificationKind.TEAM_NEW_CASE,
        NotificationChannel.EMAIL,
        case.queue.team_email,
        settings.LANGUAGE_CODE,
    )


def kind_for_update(update):
    """What a resident hears about a case update, or None: internal notes stay internal."""
    if update.kind == UpdateKind.STATUS and update.status_to in STATUS_KINDS:
        return STATUS_KINDS[update.status_to]
    if update.public and update.text:
        return NotificationKind.MESSAGE
    return None


def queue_for_update(case, update):
    if update.kind == UpdateKind.TRANSFERRED:
        # A case moved to another queue is new to its team; the resident is not told.
        return _queue_for_team(case)
    kind = kind_for_update(update)
    contact = resident_contact(case)
    if kind is None or not case.queue.notify_resident or not contact:
        return None
    return _queue_safely(case, kind, *contact, case.language, update=update)
