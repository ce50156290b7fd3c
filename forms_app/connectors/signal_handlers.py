"""Connectors' side of the seam with casework: each new case and change is queued for sending."""

from forms_app.cases.signals import case_anonymised, case_created, case_updated

from .delivery import queue_delivery
from .enums import WebhookEvent


def queue_created_case(sender, case, **kwargs):
    queue_delivery(case, WebhookEvent.CASE_CREATED)


def queue_updated_case(sender, case, update=None, **kwargs):
    queue_delivery(case, WebhookEvent.CASE_UPDATED, update)


def queue_anonymised_case(sender, case, **kwargs):
    """The receiver holds the resident's details from earlier deliveries: ask it to remove them."""
    queue_delivery(case, WebhookEvent.CASE_ANONYMISED)


def register_signal_handlers():
    case_created.connect(queue_created_case, dispatch_uid="connectors-case-created")
    case_updated.connect(queue_updated_case, dispatch_uid="connectors-case-updated")
    case_anonymised.connect(queue_anonymised_case, dispatch_uid="connectors-case-anonymised")
