"""Residents ask to cancel with their reference and postcode; the answer never says whether the
details matched, and the next AUDDIS file carries the 0C."""

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms_app.direct_debit.bacs.lodging import produce_files
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from tests.factories.direct_debit import InstructionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def ready(revenues_queue, bacs_settings):
    cache.clear()
    yield
    cache.clear()


def url(language="en"):
    with translation.override(language):
        return reverse("cancel_direct_debit:cancel")


def text(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join((soup.find("main") or soup).get_text(" ").split())


def test_the_page_asks_for_reference_and_postcode(client):
    response = client.get(url())
    assert response.status_code == 200
    page = text(response)
    assert "Cancel a Direct Debit" in page
    assert "Direct Debit reference" in page and "Postcode" in page
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_matching_request_cancels_at_the_bank_in_the_next_file(client):
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    response = client.post(
        url(), {"reference": instruction.reference.lower(), "postcode": "gr12bd"}
    )
    assert response.status_code == 200
    assert "We have your request to cancel" in text(response)
    instruction = Instruction.objects.get(pk=instruction.pk)
    assert instruction.cancel_requested_at is not None
    assert instruction.case.updates.filter(text__contains="Asked for online").exists()

    (auddis_file,) = produce_files().files
    assert auddis_file.cancel_count == 1
    assert Instruction.objects.get(pk=instruction.pk).status == InstructionStatus.CANCELLED


def test_a_wrong_postcode_or_reference_gets_the_same_answer_and_changes_nothing(client):
    instruction = InstructionFactory(status=InstructionStatus.ACTIVE)
    right = client.post(url(), {"reference": instruction.reference, "postcode": "GR1 2BD"})
    instruction.cancel_requested_at = None
    instruction.save()
    wrong_postcode = client.post(url(), {"reference": instruction.reference, "postcode": "GR9 9ZZ"})
    wrong_reference = client.post(url(), {"reference": "NOSUCHREF1", "postcode": "GR1 2BD"})
    assert text(right) == text(wrong_postcode) == text(wrong_reference)
    assert {right.status_code, wrong_postcode.status_code, wrong_reference.status_code} == {200}
    assert Instruction.objects.get(pk=instruction.pk).cancel_requested_at is None


def test_bad_input_gets_a_govuk_error_and_keeps_what_was_typed(client):
    response = client.post(url(), {"reference": "AB", "postcode": "not a postcode"})
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Direct Debit reference must be between 6 and 18 characters" in page
    assert "Enter a full UK postcode" in page
    assert 'value="not a postcode"' in page
    assert "<title>Error:" in page


def test_lookups_are_rate_limited(client):
    for _attempt in range(10):
        client.post(url(), {"reference": "NOSUCHREF1", "postcode": "GR1 2BD"})
    response = client.post(url(), {"reference": "NOSUCHREF1", "postcode": "GR1 2BD"})
    assert response.status_code == 429
    assert "You have tried too many times" in text(response)


def test_the_page_is_in_welsh_too(client):
    assert url("cy").startswith("/cy/")
    response = client.get(url("cy"))
    assert response.status_code == 200
    assert 'lang="cy"' in response.content.decode()


HOSTILE_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.sampled_from(["\x00", "a\x00bcdefg", "'; DROP TABLE x; --", "9" * 40, "ﬀ" * 300, " " * 50]),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reference=HOSTILE_TEXT, postcode=HOSTILE_TEXT)
def test_hostile_input_is_never_a_server_error(client, reference, postcode):
    response = client.post(url(), {"reference": reference, "postcode": postcode})
    assert response.status_code < 500
