"""Sending outbox items: handed to a task after commit, attempted one at a time, swept when due.

Every outbox model follows one rule. A worker claims a due item, calls the model's
`send(item)` and records what happened:

- `send` returns: the item is sent;
- `send` raises `CannotSend`: it will never work as things are set up (no signing key, an address
  the provider rejects), so it is given up at once;
- `send` raises anything else: this attempt failed, and the item is tried again after the
  backoff, or given up after the last attempt. `SendFailed` carries a reason written for staff;
  any other error is recorded by its type alone, because error messages can quote the addresses
  and numbers they were sent to.

Nothing here raises into the code that queued the item: its change is saved either way.
"""

import logging

from django.db import transaction
from django.utils import timezone

from .models import OutboxStatus

logger = logging.getLogger(__name__)

# Items attempted per sweep, so one run ends well before the next starts.
SWEEP_BATCH = 500
# What an attempt can lead to, counted by `sweep`: still pending means it will be retried.
OUTCOMES = (OutboxStatus.PENDING.value, OutboxStatus.SENT.value, OutboxStatus.FAILED.value)


class CannotSend(Exception):  # noqa: N818 - reads as a sentence: `raise CannotSend(reason)`
    """Sending this item will never work as things are set up: give it up, do not retry.

    `attempted=False` when nothing was sent before finding that out (a key or address missing).
    """

    def __init__(self, reason, *, attempted=True):
        super().__init__(reason)
        self.attempted = attempted


class SendFailed(Exception):  # noqa: N818 - reads as a sentence: `raise SendFailed(reason)`
    """This attempt failed and may work later; the message is the reason staff read, so it must
    hold no personal details (e.g. "HTTP 503", "GOV.UK Notify answered 500")."""


def enqueue(task, pk, run_after=None):
    """Hand item `pk` to `task`, to run now or not before `run_after`.

    If the backend cannot wait (development and tests run tasks at once) or the hand-over fails,
    the item stays pending and the next sweep sends it when it is due.
    """
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=run_after)
    try:
        task.enqueue(pk)
    except Exception:
        logger.exception("Could not enqueue %s(%s); the next sweep sends it", task.name, pk)


def enqueue_after_commit(item, task):
    """Send `item` by `task` once the caller's transaction commits (at its time, if scheduled).

    Nothing is sent if the transaction rolls back: the item and the change it belongs to go
    together, or not at all.
    """
    pk, due = item.pk, item.next_attempt_at
    run_after = due if due is not None and due > timezone.now() else None
    # robust: the change is committed by then; a broken task queue must not turn into an error.
    transaction.on_commit(lambda: enqueue(task, pk, run_after=run_after), robust=True)


def attempt(model, pk, send, *, task, now=None):
    """Make one attempt at item `pk` of `model` if it is due, enqueueing `task` for any retry.

    Returns the item's status afterwards, or None if it was not ours to send (not due yet,
    cancelled, already sent, or being sent by another worker).
    """
    now = now or timezone.now()
    item = model._default_manager.filter(pk=pk).first()
    if item is None or not item.claim(now):
        return None
    name = model._meta.verbose_name
    try:
        send(item)
    except CannotSend as error:
        logger.warning("%s %s cannot be sent: %s", name, item.pk, error)
        item.give_up(str(error), attempted=error.attempted)
    except Exception as error:
        described = isinstance(error, SendFailed)
        reason = str(error) if described else type(error).__name__
        # An error we did not describe may be a bug of ours: keep its traceback in the log.
        logger.warning(
            "%s %s attempt %s failed: %s",
            name,
            item.pk,
            item.attempts,
            reason,
            exc_info=not described,
        )
        item.retry_later(reason, now)
        if item.status == OutboxStatus.PENDING:
            enqueue(task, item.pk, run_after=item.next_attempt_at)
    else:
        item.mark_sent(now)
    return item.status


def sweep(model, send, *, task, now=None, batch=SWEEP_BATCH):
    """Attempt the due items of `model`, longest waiting first; run it every minute or so.

    Picks up what no task sent: scheduled items whose time has come where the backend cannot
    wait, retries, and items whose hand-over to the task queue failed. Returns how many ended
    in each state, e.g. {"pending": 1, "sent": 3, "failed": 0} (pending: to be retried).
    """
    now = now or timezone.now()
    counts = dict.fromkeys(OUTCOMES, 0)
    due = model._default_manager.due(now).order_by("next_attempt_at", "pk")
    for pk in list(due.values_list("pk", flat=True)[:batch]):
        status = attempt(model, pk, send, task=task, now=now)
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    return counts
