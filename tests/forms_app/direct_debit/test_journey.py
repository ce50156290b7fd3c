"""The resident's sign-up: each step, bad bank details, the paper branch, assisted mode."""

import datetime
import zoneinfo

from django.contrib.auth.models import Group, Permission
from django.core import mail

import pytest
import time_machine
from bs4 import BeautifulSoup

from forms_app.cases.enums import Channel
from forms_app.cases.models import Case
from forms_app.direct_debit.confirmation import queue_confirmation_email
from forms_app.direct_debit.enums import InstructionStatus
from forms_app.direct_debit.models import Instruction
from forms_app.journeys.models import Submission
from forms_app.notifications.models import Notification
from tests.factories.direct_debit import InstructionFactory
from tests.factories.users import sign_in_verified

from .conftest import BAD_ACCOUNT, BANK, DETAILS, fill_in, send, text

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_the_journey_goes_from_details_to_bank_details_to_check_your_answers(client, dd_page):
    start, *_rest = fill_in(client, dd_page)
    assert "Set up a Direct Debit with" in text(start)
    assert "The Direct Debit Guarantee" in text(start)
    details, bank, authorise = _rest[1:]
    assert details.status_code == 302 and details.url.endswith("/bank-details/")
    assert bank.status_code == 302 and bank.url.endswith("/authorise/")
    assert authorise.url.endswith("/check-your-answers/")
    check = client.get(f"{dd_page.url}check-your-answers/")
    page = text(check)
    # The resident sees their own details whole, in their own session, to check them.
    assert "Account number: 66374958" in page and "Sort code: 08-99-99" in page
    assert "12345678" in page  # the account reference, tidied
    assert "Day 15 of each month" in page
    assert "Change" in page
    assert "Confirm and set up Direct Debit" in page


def test_save_and_come_back_later_is_off(client, dd_page):
    fill_in(client, dd_page)
    page = client.get(f"{dd_page.url}bank-details/")
    assert "Save and come back later" not in text(page)
    assert client.get(f"{dd_page.url}save/").status_code == 404


def test_an_account_reference_in_the_wrong_format_is_refused_with_an_example(client, dd_page):
    client.post(f"{dd_page.url}start/")
    response = client.post(f"{dd_page.url}your-details/", {**DETAILS, "account_reference": "1234"})
    assert response.status_code == 200
    assert "Enter council tax account number in the correct format, like 12345678" in text(response)


def test_an_account_number_that_fails_the_modulus_check_gets_an_error_and_keeps_the_rest(
    client, dd_page
):
    client.post(f"{dd_page.url}start/")
    client.post(f"{dd_page.url}your-details/", DETAILS)
    response = client.post(f"{dd_page.url}bank-details/", {**BANK, "bank_details_2": BAD_ACCOUNT})
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page
    assert "Check your account number and sort code" in page
    # Nothing typed is lost.
    assert 'value="S Jones"' in response.content.decode()
    assert not Instruction.objects.exists()


def test_missing_bank_details_each_say_what_is_needed(client, dd_page):
    client.post(f"{dd_page.url}start/")
    client.post(f"{dd_page.url}your-details/", DETAILS)
    response = client.post(
        f"{dd_page.url}bank-details/",
        {"bank_details_0": "", "bank_details_1": "", "bank_details_2": ""},
    )
    page = text(response)
    for message in (
        "Enter the name on the account",
        "Enter a sort code",
        "Enter an account number",
    ):
        assert message in page


def test_someone_who_cannot_authorise_alone_is_offered_the_paper_instruction(client, dd_page):
    responses = fill_in(client, dd_page, sole="no")
    assert responses[-1].url.endswith("/paper-instruction/")
    page = text(client.get(responses[-1].url))
    assert "You need to set up this Direct Debit on paper" in page
    assert "paper Direct Debit instruction" in page
    # No way on to sending.
    check = client.get(f"{dd_page.url}check-your-answers/")
    assert check.status_code == 302


def test_sending_creates_the_case_and_the_instruction_and_confirms_it(
    client, dd_page, revenues, django_capture_on_commit_callbacks
):
    fill_in(client, dd_page)
    with django_capture_on_commit_callbacks(execute=True):
        _check, confirmation = send(client, dd_page)
    case = Case.objects.get()
    assert case.queue == revenues
    instruction = Instruction.objects.get()
    assert instruction.case == case
    assert instruction.status == InstructionStatus.PENDING
    assert (instruction.sort_code, instruction.account_number) == ("089999", "66374958")
    assert instruction.account_reference == "12345678"
    assert instruction.payment_day == "15"
    assert instruction.confirmed_channel == Channel.ONLINE
    assert instruction.confirmed_by is None
    assert instruction.first_collection_date.day == 15

    page = text(confirmation)
    assert "Direct Debit set up" in page
    assert instruction.reference in page
    assert "Ending 58" in page
    assert "123456" in page and "GLANRHYD COUNCIL" in page
    assert "The Direct Debit Guarantee" in page
    assert "How to cancel" in page

    email = next(m for m in mail.outbox if "Direct Debit" in m.subject)
    assert instruction.reference in email.subject
    assert "Ending 58" in email.body
    assert "The Direct Debit Guarantee" in email.body
    assert Notification.objects.filter(kind="dd_confirmation").count() == 1


def test_the_submission_and_the_case_keep_the_bank_details_masked(client, dd_page):
    fill_in(client, dd_page)
    send(client, dd_page)
    for stored in (Submission.objects.get().answers, Case.objects.get().answers):
        row = next(r for r in stored if r["name"] == "bank_details")
        assert row["value"] is None
        assert row["display"] == "Ending 58"


@pytest.fixture
def reception(db):
    from tests.factories import UserFactory

    user = UserFactory(username="reception")
    group, _ = Group.objects.get_or_create(name="Customer services")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="assist_residents"),
    )
    user.groups.add(group)
    return user


def test_in_assisted_mode_staff_must_confirm_they_read_the_guarantee_aloud(
    client, dd_page, reception
):
    sign_in_verified(client, reception)
    client.post("/check-progress/assisted/start/")
    fill_in(client, dd_page)
    check, refused = send(client, dd_page)
    assert "I have read the Direct Debit Guarantee to the payer" in text(check)
    assert "Confirm that you have read the Direct Debit Guarantee to the payer" in text(refused)
    assert not Instruction.objects.exists() and not Case.objects.exists()

    _check, confirmation = send(client, dd_page, guarantee_read_aloud="1")
    assert "Direct Debit set up" in text(confirmation)
    instruction = Instruction.objects.get()
    assert instruction.guarantee_read_aloud
    assert instruction.confirmed_channel == Channel.ASSISTED
    assert instruction.confirmed_by == reception


def test_a_sort_code_that_cannot_be_one_is_refused_beside_the_sort_code(client, dd_page):
    client.post(f"{dd_page.url}start/")
    client.post(f"{dd_page.url}your-details/", DETAILS)
    response = client.post(f"{dd_page.url}bank-details/", {**BANK, "bank_details_1": "08-99"})
    assert "Sort code must be 6 digits long" in text(response)
    assert 'href="#id_bank_details_1"' in response.content.decode()


def test_the_resident_gets_one_confirmation_email_the_direct_debit_one(
    client, dd_page, django_capture_on_commit_callbacks
):
    fill_in(client, dd_page)
    with django_capture_on_commit_callbacks(execute=True):
        _check, confirmation = send(client, dd_page)
    instruction = Instruction.objects.get()
    to_resident = [m for m in mail.outbox if m.to == ["sam@example.com"]]
    assert len(to_resident) == 1
    assert "Your Direct Debit" in to_resident[0].subject
    assert instruction.reference in to_resident[0].body
    assert not any("We have received your form" in m.subject for m in mail.outbox)
    # The page still says, truly, that the confirmation went by email.
    assert "We have sent a confirmation email to sam@example.com" in text(confirmation)


def test_the_confirmation_page_and_email_link_to_cancelling_online(
    client, dd_page, django_capture_on_commit_callbacks
):
    fill_in(client, dd_page)
    with django_capture_on_commit_callbacks(execute=True):
        _check, confirmation = send(client, dd_page)
    link = BeautifulSoup(confirmation.content.decode(), "html.parser").find(
        "a", string="cancel your Direct Debit online"
    )
    assert link is not None and link["href"] == "/cancel-direct-debit/"
    assert client.get(link["href"]).status_code == 200
    email = next(m for m in mail.outbox if instruction_reference() in m.subject)
    assert "cancel your Direct Debit online: http://" in email.body
    assert "/cancel-direct-debit/ (you will need your Direct Debit reference" in email.body


def test_a_welsh_confirmation_email_links_to_the_welsh_cancellation_page(dd_page):
    instruction = InstructionFactory(case__language="cy", case__resident_email="sam@example.com")
    notification = queue_confirmation_email(instruction, dd_page)
    assert "/cy/cancel-direct-debit/" in notification.body


def instruction_reference():
    return Instruction.objects.get().reference


@pytest.mark.parametrize(("day", "first"), [("15", "15 January 2027"), ("1", "1 February 2027")])
def test_the_confirmation_gives_the_first_collection_at_least_10_working_days_away(
    client, dd_page, django_capture_on_commit_callbacks, day, first
):
    # Friday 18 December 2026: 10 working days' notice, past Christmas and New Year, ends on
    # Wednesday 6 January 2027.
    with time_machine.travel(datetime.datetime(2026, 12, 18, 10, 0, tzinfo=LONDON), tick=False):
        client.post(f"{dd_page.url}start/")
        client.post(f"{dd_page.url}your-details/", {**DETAILS, "payment_day": day})
        client.post(f"{dd_page.url}bank-details/", BANK)
        client.post(f"{dd_page.url}authorise/", {"sole_signatory": "yes"})
        with django_capture_on_commit_callbacks(execute=True):
            _check, confirmation = send(client, dd_page)
    notice = (
        "We will tell you the amounts and dates of your payments at least 10 working days "
        f"before the first one. The first payment will be on {first} at the earliest."
    )
    assert notice in text(confirmation)
    assert f"Earliest first payment {first}" in text(confirmation)
    email = next(m for m in mail.outbox if m.to == ["sam@example.com"])
    assert notice in " ".join(email.body.split())
