"""Notifications' side of the seam with casework: each case change may queue a message."""

from forms_app.cases.signals import case_anonymised, case_created, case_updated

from .models import Notification
from .outbox import queue_for_new_case, queue_for_update


def notify_case_created(sender, case, **kwargs):
    queue_for_new_case(case)


def notify_case_updated(sender, case, update, **kwargs):
    queue_for_update(case, update)


def forget_anonymised_case(sender, case, **kwargs):
    """Retention removed the resident's details: so go the recipient and text of what was sent."""
    Notification.objects.filter(case=case).anonymise()


def register_signal_handlers():
    case_created.connect(notify_case_created, dispatch_uid="notifications-case-created")
    case_updated.connect(notify_case_updated, dispatch_uid="notifications-case-updated")
    case_anonymised.connect(forget_anonymised_case, dispatch_uid="notifications-case-anonymised")
