"""A case in a queue that both emails the resident and sends cases to a CRM on 127.0.0.1."""

import pytest

from tests.forms_app.connectors import conftest as connectors
from tests.forms_app.notifications import conftest as notifications

# The notifications and webhook tests' fixtures, shared rather than copied.
journey = notifications.journey
submit = notifications.submit
waste_group = notifications.waste_group
waste_queue = notifications.waste_queue
receiver = connectors.receiver
signing_key = connectors.signing_key


@pytest.fixture
def crm(waste_queue, receiver, signing_key):
    """The waste queue sends its cases to `receiver` as well as telling residents by email."""
    waste_queue.webhook_url = receiver.url
    waste_queue.save()
    return receiver
