"""Queue notifications with the case change; deliver them after commit; retry what failed."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from forms_app.cases.enums import CaseStatus, UpdateKind

from .content import render, resident_contact
from .enums import NotificationChannel, NotificationKind, NotificationStatus
from .models import Notification
from .senders import CannotSend, describe_error, get_sender

logger = logging.getLogger(__name__)

STATUS_KINDS = {
    CaseStatus.RESOLVED: NotificationKind.RESOLVED,
    CaseStatus.WAITING: NotificationKind.WAITING,
}
SWEEP_BATCH = 500


def queue(case, kind, channel, recipient, language, update=None):
    """Write the message now, in the caller's transaction; send it once that commits."""
    subject, body = render(case, kind, channel, language, update)
    notification = Notification.objects.create(
        case=case,
        reference=case.reference,
        kind=kind,
        channel=channel,
        recipient=recipient,
        language=language,
        subject=subject,
        body=body,
    )
    # robust: the case is already committed by then; a broken queue must not turn into an error.
    transaction.on_commit(lambda: enqueue_send(notification.pk), robust=True)
    return notification


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
    if case.queue.notify_resident and contact:
        queued.append(_queue_safely(case, NotificationKind.RECEIVED, *contact, case.language))
    if case.queue.team_email:
        queued.append(
            _queue_safely(
                case,
                NotificationKind.TEAM_NEW_CASE,
                NotificationChannel.EMAIL,
                case.queue.team_email,
                settings.LANGUAGE_CODE,
            )
        )
    return [notification for notification in queued if notification]


def kind_for_update(update):
    """What a resident hears about a case update, or None: internal notes stay internal."""
    if update.kind == UpdateKind.STATUS and update.status_to in STATUS_KINDS:
        return STATUS_KINDS[update.status_to]
    if update.public and update.text:
        return NotificationKind.MESSAGE
    return None


def queue_for_update(case, update):
    kind = kind_for_update(update)
    contact = resident_contact(case)
    if kind is None or not case.queue.notify_resident or not contact:
        return None
    return _queue_safely(case, kind, *contact, case.language, update=update)


def enqueue_send(notification_id, run_after=None):
    from .tasks import send_notification

    task = send_notification
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # send_due_notifications picks it up when it is due
        task = task.using(run_after=run_after)
    try:
        task.enqueue(notification_id)
    except Exception:
        # The row is safe in the outbox; the next send_due_notifications run sends it.
        logger.exception("Could not enqueue notification %s", notification_id)


def deliver(notification_id, now=None):
    """Make one attempt at a due notification; returns its status, or None if not ours to send."""
    now = now or timezone.now()
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None or not notification.claim(now):
        return None
    try:
        provider_id = get_sender().send(notification)
    except CannotSend as reason:
        logger.warning("Notification %s cannot be sent: %s", notification.pk, reason)
        notification.mark_failed(str(reason))
    except Exception as error:
        reason = describe_error(error)
        logger.warning(
            "Notification %s attempt %s failed: %s", notification.pk, notification.attempts, reason
        )
        notification.retry_later(reason, now)
        if notification.status == NotificationStatus.PENDING:
            enqueue_send(notification.pk, run_after=notification.next_attempt_at)
    else:
        notification.mark_sent(provider_id, now)
    return notification.status


def send_due(now=None):
    """Attempt every pending notification whose time has come; counts by resulting status."""
    now = now or timezone.now()
    counts = dict.fromkeys(NotificationStatus.values, 0)
    due = Notification.objects.due(now).order_by("next_attempt_at", "pk")
    for notification_id in list(due.values_list("pk", flat=True)[:SWEEP_BATCH]):
        status = deliver(notification_id, now=now)
        if status:
            counts[status] += 1
    return counts
