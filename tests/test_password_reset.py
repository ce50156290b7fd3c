"""Staff password reset tells no one whether an address has an account."""

import re

from django.core import mail

import pytest

from tests.factories import UserFactory
from townhall.password_reset import send_password_reset

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings):
    """The database queue production uses, so what runs in the request is what a visitor times."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return DBTaskResult.objects.filter(task_path=send_password_reset.module_path)


def ask_for_reset(client, email):
    return client.post("/admin/password_reset/", {"email": email}, follow=True)


def main_text(response):
    """What the page says (the admin's per-request CSRF token aside)."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).strip()


def test_known_and_unknown_addresses_get_the_same_answer_and_no_email_is_sent_in_the_request(
    client, queued
):
    UserFactory(username="officer", email="officer@council.example")
    known = ask_for_reset(client, "officer@council.example")
    unknown = ask_for_reset(client, "nobody@council.example")
    assert known.redirect_chain == unknown.redirect_chain == [("/admin/password_reset/done/", 302)]
    assert main_text(known) == main_text(unknown)
    assert "Check your email" in main_text(known)
    # Neither request sent anything: both queued the same work for the worker.
    assert mail.outbox == []
    assert [task.args_kwargs["kwargs"]["email"] for task in queued.order_by("enqueued_at")] == [
        "officer@council.example",
        "nobody@council.example",
    ]


def test_the_worker_emails_a_working_link_to_a_known_address_only(client, queued):
    UserFactory(username="officer", email="officer@council.example")
    ask_for_reset(client, "officer@council.example")
    ask_for_reset(client, "nobody@council.example")
    for queued_task in queued:
        send_password_reset.call(
            *queued_task.args_kwargs["args"], **queued_task.args_kwargs["kwargs"]
        )
    [email] = mail.outbox
    assert email.to == ["officer@council.example"]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", email.body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert "new password" in response.content.decode().lower()
