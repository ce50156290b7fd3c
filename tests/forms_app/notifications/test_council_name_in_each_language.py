"""Emails and texts name the council in the resident's language: the Welsh translation of the
council details for a Welsh case, the English ones for an English case."""

from django.core import mail

from wagtail.models import Locale

import pytest

from home.models import CouncilSettings

pytestmark = pytest.mark.django_db

WELSH_NAME = "Cyngor Sir Testshire"


@pytest.fixture
def welsh_details(home_page):
    english = CouncilSettings.objects.get().details
    translation = english.copy_for_translation(Locale.objects.get_or_create(language_code="cy")[0])
    translation.council_name = WELSH_NAME
    translation.save()
    return translation


def test_a_welsh_case_is_told_by_the_council_named_in_welsh(submit, welsh_details):
    submit(language="cy")
    [email] = mail.outbox
    assert email.body.rstrip().endswith(WELSH_NAME)
    assert "Testshire Council" not in email.body

    mail.outbox.clear()
    submit(language="en")
    [email] = mail.outbox
    assert email.body.rstrip().endswith("Testshire Council")
    assert WELSH_NAME not in email.body


def test_a_welsh_text_message_starts_with_the_welsh_name(submit, notify, welsh_details):
    submit(email="", phone="07700 900123", language="cy")
    [request] = notify.requests
    assert request["json"]["personalisation"]["body"].startswith(f"{WELSH_NAME}: ")


def test_without_a_welsh_translation_welsh_cases_get_the_english_name(submit):
    submit(language="cy")
    [email] = mail.outbox
    assert "Testshire Council" in email.body
