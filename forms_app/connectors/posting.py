"""How one webhook delivery is sent: its JSON, signed, POSTed to its queue's address.

`send` is the outbox's send function for webhook deliveries (see forms_app/outbox/dispatch.py):
it returns when the receiver accepted the delivery, raises `CannotSend` when trying again cannot
help, and `SendFailed` when the receiver was down or answered with an error.
"""

import hashlib
import hmac
import json

from django.conf import settings

from forms_app.outbox.dispatch import CannotSend, SendFailed

from . import payloads
from .enums import WebhookEvent

# Connect, read (seconds): a receiver that cannot answer in this long is treated as down.
TIMEOUT = (5, 10)

SIGNATURE_HEADER = "X-Townhall-Signature"


def body_for(payload):
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def signature_for(body, key):
    """The X-Townhall-Signature value: receivers recompute it over the raw body to compare."""
    digest = hmac.new(key.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def ensure_payload(delivery):
    """Build the JSON now if it could not be built with the change; never for a forgotten case.

    A payload cleared because the case's personal details were removed stays cleared.
    """
    if delivery.payload is not None:
        return
    case = delivery.case
    details_removed = case is not None and case.anonymised_at is not None
    if case is None or (details_removed and delivery.event != WebhookEvent.CASE_ANONYMISED):
        raise CannotSend(
            "Not sent: the case's personal details were removed first.", attempted=False
        )
    delivery.payload = payloads.case_payload(case, delivery.event, delivery.update)


def send(delivery):
    key = settings.WEBHOOK_SIGNING_KEY
    if not key:
        # Unsigned JSON would let anyone who can reach the receiver forge cases; refuse instead.
        raise CannotSend(
            "Not sent: WEBHOOK_SIGNING_KEY is not set, so it could not be signed.", attempted=False
        )
    url = delivery.queue.webhook_url
    if not url:
        raise CannotSend("Not sent: the queue no longer has a webhook address.", attempted=False)
    ensure_payload(delivery)

    body = body_for(delivery.payload)
    headers = {
        "Content-Type": "application/json",
        "X-Townhall-Event": delivery.event,
        "X-Townhall-Delivery": str(delivery.pk),
        SIGNATURE_HEADER: signature_for(body, key),
    }
    delivery.response_status_code = None
    # Imported here: only the background worker posts to webhooks, and an app worker would
    # otherwise carry `requests` (about 6 MB) from start-up for nothing (docs/scaling.md).
    import requests

    try:
        # No redirects: the JSON goes to the address staff set, or nowhere.
        response = requests.post(
            url, data=body, headers=headers, timeout=TIMEOUT, allow_redirects=False
        )
    except requests.RequestException as error:
        raise SendFailed(f"{type(error).__name__}: {error}") from error
    delivery.response_status_code = response.status_code
    if not 200 <= response.status_code < 300:
        raise SendFailed(f"HTTP {response.status_code}")
