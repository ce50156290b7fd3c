"""Cases: routing to queues, due dates in working days, statuses and who may see what."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from forms_app.cases.enums import CaseStatus
from forms_app.cases.models import Case, CaseLogEntry, RoutingRule
from forms_app.cases.routing import open_case, resident_details
from forms_app.cases.working_days import add_working_days
from forms_app.journeys.answers import Answers
from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.enums import AnswerRole
from forms_app.journeys.models import JourneyPage
from tests.factories.casework import SubmissionFactory, answer, missed_bin_answers

pytestmark = pytest.mark.django_db


def test_working_days_skip_weekends_and_bank_holidays():
    friday = datetime.date(2026, 12, 18)
    assert add_working_days(friday, 1) == datetime.date(2026, 12, 21)
    # 24 Dec (Thu) + 2: Christmas Day (Fri) and the weekend and Boxing Day substitute (Mon 28)
    assert add_working_days(datetime.date(2026, 12, 24), 2) == datetime.date(2026, 12, 30)
    assert add_working_days(datetime.date(2026, 4, 2), 1) == datetime.date(2026, 4, 7)  # Easter


@pytest.fixture
def journey(service_page):
    page = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=MISSED_BIN,
        what_happens_next="<p>We will collect it.</p>",
    )
    service_page.add_child(instance=page)
    return page


def _submission(journey, reference="HT7K9QWX", bin="general"):
    return SubmissionFactory(
        reference=reference,
        journey=journey,
        answers=missed_bin_answers(bin=bin),
        language="cy",
        retention_days=30,
    )


def test_submission_opens_a_case_in_the_routed_queue(journey, waste_queue, housing_queue):
    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    case = open_case(_submission(journey))
    assert case.queue == waste_queue
    assert case.reference == "HT7K9QWX"
    assert case.status == CaseStatus.NEW
    assert case.language == "cy"
    assert case.retention_days == 30
    assert (case.resident_name, case.resident_email, case.resident_postcode) == (
        "Sam Jones",
        "sam@example.com",
        "GR1 2BD",
    )
    assert case.due_date == add_working_days(case.created_at.date(), 2)
    assert CaseLogEntry.objects.filter(case=case, action="cases.create").exists()


def test_a_rule_on_an_answer_wins_and_unmatched_cases_go_to_the_default(
    journey, waste_queue, housing_queue
):
    RoutingRule.objects.create(
        journey=journey, question_name="bin", answer="Garden", queue=waste_queue
    )
    assert open_case(_submission(journey, "AAAA2222", bin="garden")).queue == waste_queue
    assert open_case(_submission(journey, "BBBB3333", bin="general")).queue == housing_queue


def test_contact_details_come_from_the_questions_that_hold_them():
    rows = [
        # A short answer that merely has "name" in its name is not the resident's name.
        answer("street_name", "Stryd Fawr"),
        answer("your_name", "Alys", role=AnswerRole.NAME),
        answer("phone", "+441632960001", type="phone"),
        answer("where", "GR1 2BD", type="postcode"),
    ]
    assert resident_details(Answers.from_json(rows)) == {
        "resident_name": "Alys",
        "resident_email": "",
        "resident_phone": "+441632960001",
        "resident_postcode": "GR1 2BD",
    }


def test_status_changes_follow_the_allowed_transitions(
    journey, waste_queue, waste_officer, housing_officer
):
    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    case = open_case(_submission(journey))
    case.change_status(CaseStatus.IN_PROGRESS, waste_officer, note="Crew informed")
    case.change_status(CaseStatus.RESOLVED, waste_officer, public_message="We collected it.")
    assert case.closed_at is not None
    with pytest.raises(ValidationError):
        case.change_status(CaseStatus.NEW, waste_officer)
    with pytest.raises(PermissionDenied):
        case.change_status(CaseStatus.CLOSED, housing_officer)
    history = list(case.updates.values_list("kind", "status_to", "public"))
    assert history == [
        ("created", "", True),
        ("status", "in_progress", False),
        ("status", "resolved", True),
    ]
    logged = CaseLogEntry.objects.filter(case=case, action="cases.status")
    assert logged.count() == 2
    assert logged.first().user_id == waste_officer.pk


def test_staff_see_only_their_queues_cases(
    journey, waste_queue, housing_queue, waste_officer, housing_officer, django_user_model
):
    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    waste_case = open_case(_submission(journey))
    assert list(Case.objects.for_user(waste_officer)) == [waste_case]
    assert not Case.objects.for_user(housing_officer).exists()
    superuser = django_user_model.objects.create_superuser("boss", "b@example.com", "x")
    assert Case.objects.for_user(superuser).count() == 1
    with pytest.raises(PermissionDenied):
        waste_case.assign(housing_officer, waste_officer)


def test_with_no_queue_set_up_a_case_still_opens_for_administrators(journey, waste_officer):
    case = open_case(_submission(journey))
    assert case.queue.name == "Unrouted submissions"
    assert case.queue.group is None
    assert not Case.objects.for_user(waste_officer).exists()


def test_audit_history_is_scoped_to_the_queues_staff_work(
    journey, waste_queue, waste_officer, housing_officer
):
    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    case = open_case(_submission(journey))
    case.change_status(CaseStatus.IN_PROGRESS, waste_officer)
    assert CaseLogEntry.objects.viewable_by_user(waste_officer).filter(case=case).count() == 2
    assert not CaseLogEntry.objects.viewable_by_user(housing_officer).exists()


def test_a_translated_form_routes_like_the_original(journey, waste_queue, housing_queue):
    from wagtail.models import Locale

    RoutingRule.objects.create(journey=journey, queue=waste_queue)
    welsh = journey.copy_for_translation(
        Locale.objects.create(language_code="cy"), copy_parents=True
    )
    case = open_case(_submission(welsh, "CYMR2345"))
    assert case.queue == waste_queue
