"""The full account number is typed once and never shown again: not on the confirmation, the
case page, an export, an email, the audit log or in any log line."""

import logging

from django.core import mail
from django.urls import reverse

import pytest

from forms_app.cases.models import Case, CaseLogEntry
from forms_app.direct_debit.models import Instruction
from forms_app.journeys.models import Submission
from forms_app.notifications.models import Notification
from tests.factories import UserFactory
from tests.factories.users import sign_in_verified

from .conftest import GOOD_ACCOUNT, fill_in, send

pytestmark = pytest.mark.django_db


def test_after_sign_up_the_account_number_appears_nowhere_but_its_encrypted_column(
    client, dd_page, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    seen = []
    # The resident's journey: every page except the two where they type and check it.
    for response in fill_in(client, dd_page):
        seen.append(response.content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        _check, confirmation = send(client, dd_page)
    seen.append(confirmation.content.decode())
    seen.append(client.get(f"{dd_page.url}confirmation/").content.decode())

    # Staff: the case page, the cases list and its export, the messages sent, the audit log.
    sign_in_verified(client, UserFactory(username="admin", is_superuser=True, is_staff=True))
    case = Case.objects.get()
    for url, params in [
        (reverse("cases:inspect", args=[case.pk]), {}),
        (reverse("cases:index"), {}),
        (reverse("cases:index"), {"export": "csv"}),
        (reverse("cases:index"), {"export": "xlsx"}),
        (reverse("notifications:index"), {}),
        (reverse("wagtailadmin_reports:site_history"), {}),
    ]:
        response = client.get(url, params)
        assert response.status_code == 200, url
        body = (
            response.content
            if not hasattr(response, "streaming_content")
            else b"".join(response.streaming_content)
        )
        seen.append(body.decode(errors="replace"))
    for notification in Notification.objects.all():
        seen.append(
            client.get(reverse("notifications:inspect", args=[notification.pk])).content.decode()
        )

    assert any("Direct Debit" in m.subject for m in mail.outbox)  # the confirmation was sent
    seen += [f"{m.subject}\n{m.body}" for m in mail.outbox]
    seen += [n.body for n in Notification.objects.all()]
    seen += [str(entry.data) for entry in CaseLogEntry.objects.all()]
    seen += [update.text for update in case.updates.all()]
    seen += [str(Submission.objects.get().answers), str(case.answers)]
    seen.append(caplog.text)

    assert Instruction.objects.get().account_number == GOOD_ACCOUNT  # it was kept, encrypted
    for text in seen:
        assert GOOD_ACCOUNT not in text
