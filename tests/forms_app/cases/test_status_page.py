"""Check progress: a resident looks up their case with its reference and their email or postcode."""

import datetime
import re

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.enums import CaseStatus, Channel, UpdateKind
from forms_app.cases.models import Case
from forms_app.journeys.demo import MISSED_BIN
from forms_app.journeys.models import JourneyPage
from tests.cache_contents import cache_contents

pytestmark = pytest.mark.django_db

URL = "/check-progress/"
NOT_FOUND = "We could not find a case with those details"
TODAY = datetime.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """The tests read as if it were 20 November 2026, so the due dates stay in the future."""
    real_localdate = timezone.localdate

    def localdate(value=None, timezone=None):
        return TODAY if value is None else real_localdate(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)


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


def _case(journey, queue, reference="HT7K9QWX", **fields):
    values = {
        "reference": reference,
        "journey": journey,
        "summary": "Report a missed bin collection",
        "queue": queue,
        "status": CaseStatus.IN_PROGRESS,
        "due_date": datetime.date(2026, 11, 24),
        "resident_name": "Alys Morgan",
        "resident_email": "alys.morgan@example.com",
        "resident_phone": "+441632960001",
        "resident_postcode": "GR1 2BD",
        "answers": [
            {
                "name": "address",
                "type": "address",
                "label": "Where was the bin missed?",
                "value": {"line_1": "7 Heol y Castell", "postcode": "GR1 2BD"},
                "display": "7 Heol y Castell\nGlanrhyd\nGR1 2BD",
            }
        ],
        "channel": Channel.ONLINE,
        "created_at": timezone.make_aware(datetime.datetime(2026, 11, 18, 9, 30)),
    }
    values.update(fields)
    return Case.objects.create(**values)


@pytest.fixture
def case(journey, waste_queue):
    case = _case(journey, waste_queue)
    case.updates.create(
        kind=UpdateKind.CREATED,
        public=True,
        created_at=timezone.make_aware(datetime.datetime(2026, 11, 18, 9, 30)),
    )
    case.updates.create(
        kind=UpdateKind.NOTE,
        public=False,
        text="Crew say the bin was blocked by a van; resident was rude on the phone.",
        created_at=timezone.make_aware(datetime.datetime(2026, 11, 19, 8, 0)),
    )
    case.updates.create(
        kind=UpdateKind.MESSAGE,
        public=True,
        text="A crew will come back for your bin on Monday.",
        created_at=timezone.make_aware(datetime.datetime(2026, 11, 19, 14, 0)),
    )
    return case


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _main_text(response):
    return " ".join(_soup(response).find("main").get_text(" ").split())


def _title(response):
    return " ".join(_soup(response).title.get_text().split())


def _errors(response):
    return [
        (link["href"], " ".join(link.get_text().split()))
        for link in _soup(response).select(".govuk-error-summary a")
    ]


def _look_up(client, reference, contact, **extra):
    return client.post(URL, {"reference": reference, "contact": contact}, **extra)


def test_the_form_asks_for_the_reference_and_an_email_address_or_postcode(client, home_page):
    response = client.get(URL)
    assert response.status_code == 200
    assert _title(response) == "Check the progress of your form – Testshire Council"
    soup = _soup(response)
    labels = [" ".join(label.get_text().split()) for label in soup.select("main label")]
    assert labels == ["Reference number", "Email address or postcode"]
    assert soup.select_one("main form[method=post] input[name=csrfmiddlewaretoken]")


def test_a_resident_sees_status_due_date_and_public_updates(client, case):
    response = _look_up(client, case.reference, "alys.morgan@example.com")

    assert response.status_code == 200
    soup = _soup(response)
    assert soup.find("main").find("h1").get_text(strip=True) == "Report a missed bin collection"
    assert soup.select_one("main .govuk-tag").get_text(strip=True) == "In progress"
    text = _main_text(response)
    assert "Reference HT7K 9QWX" in text
    assert "We aim to finish by 24 November 2026" in text
    updates = [
        " ".join(li.get_text(" ").split()) for li in soup.select(".townhall-case-updates li")
    ]
    assert updates == [
        "19 November 2026 A crew will come back for your bin on Monday.",
        "18 November 2026 We received your form.",
    ]
    # Nothing the resident did not need: no internal notes, no personal details.
    page = response.content.decode()
    for private in (
        "blocked by a van",
        "rude",
        "Alys",
        "alys.morgan@example.com",
        "01632 960 001",
        "960001",
        "GR1 2BD",
        "Heol y Castell",
        "Waste",  # the queue
    ):
        assert private not in page, private
    # Never kept by a browser or a shared cache.
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("typed", ["HT7K9QWX", "ht7k 9qwx", " HT7K-9QWX ", "h t 7 k 9 q w x"])
def test_the_reference_can_be_typed_with_spaces_and_in_lower_case(client, case, typed):
    response = _look_up(client, typed, "alys.morgan@example.com")
    assert response.status_code == 200
    assert _soup(response).select_one("main .govuk-tag").get_text(strip=True) == "In progress"


@pytest.mark.parametrize("typed", ["GR1 2BD", "gr12bd", "  gr1  2bd "])
def test_the_postcode_works_instead_of_the_email_address(client, case, typed):
    response = _look_up(client, "HT7K 9QWX", typed)
    assert response.status_code == 200
    assert "We aim to finish by 24 November 2026" in _main_text(response)


def test_the_email_address_is_matched_whatever_its_case(client, case):
    response = _look_up(client, "HT7K 9QWX", "  Alys.Morgan@EXAMPLE.com ")
    assert "We aim to finish by 24 November 2026" in _main_text(response)


def test_a_finished_case_shows_no_target_date(client, journey, waste_queue):
    _case(journey, waste_queue, status=CaseStatus.RESOLVED)
    response = _look_up(client, "HT7K9QWX", "GR1 2BD")
    assert _soup(response).select_one("main .govuk-tag").get_text(strip=True) == "Done"
    assert "aim to finish" not in _main_text(response)
    assert "There are no updates yet." in _main_text(response)


def test_a_late_case_says_sorry_rather_than_giving_a_date_in_the_past(client, journey, waste_queue):
    _case(journey, waste_queue, due_date=datetime.date(2026, 11, 17))
    text = _main_text(_look_up(client, "HT7K9QWX", "GR1 2BD"))
    assert "We aimed to finish by 17 November 2026. We are sorry" in text


def _redacted(response):
    return re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]*"',
        'name="csrfmiddlewaretoken" value=""',
        response.content.decode(),
    )


def _look_up_recording_queries(client, reference, contact):
    cache.clear()  # the site chrome is cached after the first page; start both from cold
    with CaptureQueriesContext(connection) as queries:
        response = _look_up(client, reference, contact)
    sql = [query["sql"] for query in queries.captured_queries]
    # The site chrome's queries carry the time of day; the case queries must match exactly.
    return response, len(sql), [query for query in sql if '"cases_' in query]


def test_a_wrong_reference_and_a_wrong_email_look_exactly_the_same(
    client, journey, waste_queue, housing_queue
):
    # The same typed details, first when no case has that reference ...
    _case(journey, waste_queue, reference="AAAA2222")
    no_such_case, no_case_count, no_case_queries = _look_up_recording_queries(
        client, "BBBB 3333", "alys.morgan@example.com"
    )
    # ... then when the case exists but was given with a different email address.
    _case(journey, housing_queue, reference="BBBB3333", resident_email="someone@example.org")
    wrong_email, wrong_email_count, wrong_email_queries = _look_up_recording_queries(
        client, "BBBB 3333", "alys.morgan@example.com"
    )

    assert no_such_case.status_code == wrong_email.status_code == 200
    assert _redacted(no_such_case) == _redacted(wrong_email)
    assert no_case_count == wrong_email_count
    assert len(no_case_queries) == 1
    assert no_case_queries == wrong_email_queries
    assert _title(wrong_email).startswith("Error: ")
    assert _errors(wrong_email) == [
        (
            "#id_reference",
            "We could not find a case with those details. Check your reference number and the "
            "email address or postcode you gave us, then try again.",
        )
    ]
    # What the resident typed is kept, so they can correct it.
    assert _soup(wrong_email).find("input", attrs={"name": "reference"})["value"] == "BBBB 3333"


def test_a_wrong_postcode_gets_the_same_answer_as_a_wrong_reference(client, case):
    wrong_postcode = _look_up(client, "HT7K9QWX", "GR9 9ZZ")
    wrong_reference = _look_up(client, "HT7K9QWY", "GR1 2BD")
    assert wrong_postcode.status_code == wrong_reference.status_code == 200
    assert NOT_FOUND in _main_text(wrong_postcode)
    assert NOT_FOUND in _main_text(wrong_reference)
    assert "In progress" not in _main_text(wrong_postcode)


def test_a_case_with_no_email_cannot_be_opened_with_an_empty_one(client, journey, waste_queue):
    _case(journey, waste_queue, resident_email="", resident_postcode="")
    response = _look_up(client, "HT7K9QWX", "@")
    assert "We aim to finish" not in _main_text(response)


def test_empty_answers_show_the_gov_uk_error_summary(client, home_page):
    response = client.post(URL, {"reference": "", "contact": ""})
    assert response.status_code == 200
    assert _title(response) == "Error: Check the progress of your form – Testshire Council"
    assert _errors(response) == [
        ("#id_reference", "Enter your reference number"),
        ("#id_contact", "Enter the email address or postcode you gave us"),
    ]
    messages = [
        " ".join(p.get_text().split()) for p in _soup(response).select(".govuk-error-message")
    ]
    assert messages == [
        "Error: Enter your reference number",
        "Error: Enter the email address or postcode you gave us",
    ]


def test_answers_that_cannot_be_right_say_what_to_fix(client, home_page):
    response = client.post(URL, {"reference": "HT7K", "contact": "not a postcode"})
    assert _errors(response) == [
        ("#id_reference", "Reference number must be 8 letters and numbers, like HT7K 9QWX"),
        (
            "#id_contact",
            "Enter a full UK postcode, like GR1 2BD, or the email address you gave us",
        ),
    ]
    response = client.post(URL, {"reference": "HT7K9QWX", "contact": "alys@"})
    assert _errors(response) == [
        ("#id_contact", "Enter an email address in the correct format, like name@example.com")
    ]


def test_too_many_lookups_are_refused_for_a_while(client, case):
    for _ in range(10):
        assert _look_up(client, "AAAA2222", "GR1 2BD").status_code == 200

    refused = _look_up(client, "HT7K9QWX", "GR1 2BD")  # even the right details, now
    assert refused.status_code == 429
    assert _soup(refused).find("h1").get_text(strip=True) == "You have tried too many times"
    assert "Wait 15 minutes, then try again." in _main_text(refused)
    assert "01632 960 999" in _main_text(refused)
    assert "In progress" not in _main_text(refused)

    # Someone else, elsewhere, is not affected.
    elsewhere = _look_up(Client(), "HT7K9QWX", "GR1 2BD", REMOTE_ADDR="192.0.2.7")
    assert elsewhere.status_code == 200
    assert "In progress" in _main_text(elsewhere)


def test_mistakes_in_the_form_do_not_use_up_tries(client, case):
    for _ in range(12):
        client.post(URL, {"reference": "", "contact": ""})
    assert _look_up(client, "HT7K9QWX", "GR1 2BD").status_code == 200


def test_the_lookup_needs_the_csrf_token(case):
    client = Client(enforce_csrf_checks=True)
    assert _look_up(client, "HT7K9QWX", "GR1 2BD").status_code == 403
    token = _soup(client.get(URL)).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(
        URL, {"reference": "HT7K9QWX", "contact": "GR1 2BD", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200
    assert "In progress" in _main_text(response)


def test_no_case_details_are_kept_in_the_shared_cache(client, case):
    response = _look_up(client, "HT7K9QWX", "alys.morgan@example.com")
    assert "In progress" in _main_text(response)
    # The cache's keys and stored values alike: the site chrome and the rate limit's count are
    # there, but nothing about the case.
    cached = cache_contents()
    assert b"ratelimit:cases.check-progress" in cached
    for detail in (b"HT7K9QWX", b"HT7K 9QWX", b"alys", b"In progress", b"crew", b"check-progress/"):
        assert detail not in cached, detail
