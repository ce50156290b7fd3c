"""A Welsh submission shows staff the English beside the Welsh, on the case page and in the export.

The submission keeps the questions and answers as the resident read them, in Welsh; the English is
the form's source page (the page of the same translation_key in English), read through its
questions of the same names: "Ydy (Yes)", "Gwastraff bwyd (Food waste)".
"""

import copy

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from forms_app.cases.models import RoutingRule
from forms_app.journeys.answers import collect_answers
from forms_app.journeys.demo import _options, _page, _q
from forms_app.journeys.models import JourneyPage
from tests.factories.casework import CaseFactory, SubmissionFactory

from . import test_admin
from .test_admin import INDEX, export_rows

staff_permissions = test_admin.staff_permissions
waste_officer_client = test_admin.waste_officer_client

pytestmark = pytest.mark.django_db

STEPS = [
    _page(
        "bin-type",
        [
            _q(
                "radios",
                "Which bin was missed?",
                "bin",
                choices=_options(("General waste", "general"), ("Food waste", "food")),
            )
        ],
    ),
    _page("collection-day", [_q("yes_no", "Was your bin due to be collected today?", "due_today")]),
    _page(
        "left-behind",
        [
            _q(
                "checkboxes",
                "What was left behind?",
                "left",
                choices=_options(("Bags", "bags"), ("Boxes", "boxes"), ("A sofa", "sofa")),
            )
        ],
    ),
    _page("name", [_q("text", "Full name", "full_name", holds_name=True)]),
]
DUE_TODAY = "Was your bin due to be collected today?"
WELSH = {
    "Which bin was missed?": "Pa fin na chafodd ei gasglu?",
    "General waste": "Gwastraff cyffredinol",
    "Food waste": "Gwastraff bwyd",
    "Was your bin due to be collected today?": "Oedd eich bin i fod i gael ei gasglu heddiw?",
    "What was left behind?": "Beth gafodd ei adael ar ôl?",
    "Bags": "Bagiau",
    "Boxes": "Bocsys",
    "A sofa": "Soffa",
    "Full name": "Enw llawn",
}


def _in_welsh(data):
    """The raw StreamField data with every label in WELSH replaced, as a translator would."""
    if isinstance(data, dict):
        return {
            key: WELSH.get(value, value) if key == "label" else _in_welsh(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_in_welsh(item) for item in data]
    return data


@pytest.fixture
def forms(service_page, waste_queue):
    english = JourneyPage(
        title="Report a missed bin collection",
        slug="form",
        steps=copy.deepcopy(STEPS),
        what_happens_next="<p>We will collect it.</p>",
    )
    service_page.add_child(instance=english)
    RoutingRule.objects.create(journey=english, queue=waste_queue)
    welsh = english.copy_for_translation(
        Locale.objects.get_or_create(language_code="cy")[0], copy_parents=True
    )
    welsh.title = "Rhoi gwybod am fin heb ei gasglu"
    welsh.steps = _in_welsh(list(welsh.steps.raw_data))
    welsh.save()
    return english, welsh


def _case(page, language, answers, reference):
    """A case from `page` as its form stores it: the questions in the page's words, and the
    answers shown in `language`."""
    with translation.override(language):
        rows = collect_answers(page.journey(), answers, for_storage=True)
    submission = SubmissionFactory(
        reference=reference, journey=page, answers=rows.as_json(), language=language
    )
    return CaseFactory(submission=submission)


@pytest.fixture
def welsh_case(forms):
    _english, welsh = forms
    return _case(
        welsh,
        "cy",
        {"bin": "food", "due_today": "yes", "left": ["Bagiau", "Soffa"], "full_name": "Siân"},
        "CYMR2345",
    )


def _yes_in_welsh():
    with translation.override("cy"):
        return translation.gettext("Yes")


def _answers_shown(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    section = soup.find(id="case-answers-heading").find_parent("section")
    return [
        (" ".join(dt.get_text(" ").split()), " ".join(dd.get_text(" ").split()))
        for dt, dd in zip(section.find_all("dt"), section.find_all("dd"), strict=True)
    ]


def test_the_case_page_shows_the_english_beside_the_welsh(waste_officer_client, welsh_case):
    response = waste_officer_client.get(reverse("cases:inspect", args=[welsh_case.pk]))
    yes = _yes_in_welsh()
    assert _answers_shown(response) == [
        ("Pa fin na chafodd ei gasglu? (Which bin was missed?)", "Gwastraff bwyd (Food waste)"),
        (f"{WELSH[DUE_TODAY]} ({DUE_TODAY})", f"{yes} (Yes)" if yes != "Yes" else "Yes"),
        ("Beth gafodd ei adael ar ôl? (What was left behind?)", "Bagiau Soffa (Bags A sofa)"),
        # A name reads the same in both languages: nothing is added.
        ("Enw llawn (Full name)", "Siân"),
    ]
    html = response.content.decode()
    assert '<span lang="en" class="case-source-words">(Food waste)</span>' in html


def test_an_english_case_shows_its_answers_once(waste_officer_client, forms):
    english, _welsh = forms
    case = _case(english, "en", {"bin": "food", "due_today": "no", "full_name": "Sam"}, "SAES2345")
    response = waste_officer_client.get(reverse("cases:inspect", args=[case.pk]))
    assert _answers_shown(response)[:2] == [
        ("Which bin was missed?", "Food waste"),
        ("Was your bin due to be collected today?", "No"),
    ]
    assert "case-source-words" not in response.content.decode()


def test_the_export_puts_welsh_and_english_cases_of_one_form_in_the_same_columns(
    waste_officer_client, forms, welsh_case
):
    english, _welsh = forms
    _case(
        english,
        "en",
        {"bin": "general", "due_today": "no", "left": ["Boxes"], "full_name": "Sam"},
        "SAES2345",
    )
    header, *rows = export_rows(waste_officer_client.get(INDEX, {"export": "csv"}))
    assert header[8:] == [
        "Which bin was missed?",
        "Was your bin due to be collected today?",
        "What was left behind?",
        "Full name",
    ]
    by_reference = {row[0]: row[8:] for row in rows}
    yes = _yes_in_welsh()
    assert by_reference["CYMR 2345"] == [
        "Gwastraff bwyd (Food waste)",
        f"{yes} (Yes)" if yes != "Yes" else "Yes",
        "Bagiau\nSoffa (Bags\nA sofa)",
        "Siân",
    ]
    assert by_reference["SAES 2345"] == ["General waste", "No", "Boxes", "Sam"]


def test_a_welsh_case_whose_english_page_is_gone_shows_the_welsh_alone(
    waste_officer_client, forms, welsh_case
):
    english, _welsh = forms
    english.delete()
    response = waste_officer_client.get(reverse("cases:inspect", args=[welsh_case.pk]))
    assert _answers_shown(response)[0] == ("Pa fin na chafodd ei gasglu?", "Gwastraff bwyd")


def test_exporting_many_welsh_cases_costs_no_more_queries_than_a_few(
    waste_officer_client, forms, django_assert_max_num_queries
):
    """The English pages are found once for the whole export, not once a case."""
    _english, welsh = forms
    answers = {"bin": "food", "due_today": "yes", "left": ["Bagiau"], "full_name": "Siân"}
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ"

    def make(count, start):
        for number in range(start, start + count):
            _case(welsh, "cy", answers, f"CY{alphabet[number // 23]}{alphabet[number % 23]}2345")

    def export():
        return export_rows(waste_officer_client.get(INDEX, {"export": "csv"}))

    make(3, 0)
    export()  # warm caches (content types, site) as a real server has
    with django_assert_max_num_queries(30) as few:
        assert len(export()) == 4
    make(27, 3)
    with django_assert_max_num_queries(30) as many:
        rows = export()
    assert len(rows) == 31
    assert {row[8] for row in rows[1:]} == {"Gwastraff bwyd (Food waste)"}
    assert len(many.captured_queries) == len(few.captured_queries)
