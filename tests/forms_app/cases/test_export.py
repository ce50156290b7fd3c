"""The cases export carries each case's answers: one column per question across the cases
exported, sensitive answers masked as stored, files by their names, nothing a spreadsheet would
run, only the user's own queues, and in a number of queries that does not grow with the cases."""

import pytest

from tests.factories.casework import answer

from . import test_admin
from .test_admin import DIGITS, INDEX, export_rows, make_case

staff_permissions = test_admin.staff_permissions
waste_officer_client = test_admin.waste_officer_client
waste_colleague = test_admin.waste_colleague

pytestmark = pytest.mark.django_db

FIXED_COLUMNS = 8


def _answers(response):
    """[heading, ...] of the answer columns, and {reference: {heading: cell}}."""
    header, *rows = export_rows(response)
    headings = header[FIXED_COLUMNS:]
    return headings, {row[0]: dict(zip(headings, row[FIXED_COLUMNS:], strict=True)) for row in rows}


def test_each_question_is_a_column_across_the_cases_of_different_forms(
    waste_officer_client, waste_queue
):
    make_case(
        waste_queue,
        "BAGS2222",
        answers=[
            answer("bin", "food", type="radios", label="Which bin?", display="Food waste"),
            answer("postcode", "GR1 2BD", type="postcode", label="Postcode"),
        ],
    )
    make_case(
        waste_queue,
        "TYPP3333",
        summary="Report fly-tipping",
        answers=[
            answer("location", "Lay-by on Heol Ddu", type="long_text", label="Where is it?"),
            answer("postcode", "GR2 3EF", type="postcode", label="Postcode"),
        ],
    )
    headings, cells = _answers(waste_officer_client.get(INDEX, {"export": "csv"}))
    assert headings == ["Which bin?", "Postcode", "Where is it?"]
    assert cells["BAGS 2222"] == {
        "Which bin?": "Food waste",
        "Postcode": "GR1 2BD",
        "Where is it?": "",
    }
    assert cells["TYPP 3333"] == {
        "Which bin?": "",
        "Postcode": "GR2 3EF",
        "Where is it?": "Lay-by on Heol Ddu",
    }


def test_sensitive_answers_are_masked_as_stored_and_files_named(waste_officer_client, waste_queue):
    photo = {
        "name": "journeys/2026/11/3f1c0d9e8b7a4c2d.jpg",
        "original_name": "tip.jpg",
        "size": 2048,
        "content_type": "image/jpeg",
    }
    make_case(
        waste_queue,
        "BANK2222",
        answers=[
            # As a sensitive answer is stored: no value, its masked display only.
            answer("account", None, label="Account number", display="ending 42", sensitive=True),
            answer("photo", photo, type="file_upload", label="Photo", display="tip.jpg"),
        ],
    )
    response = waste_officer_client.get(INDEX, {"export": "csv"})
    _headings, cells = _answers(response)
    assert cells["BANK 2222"] == {"Account number": "ending 42", "Photo": "tip.jpg"}


def test_nothing_a_resident_typed_runs_as_a_formula(waste_officer_client, waste_queue):
    formula = '=HYPERLINK("http://evil.example","Click")'
    make_case(
        waste_queue,
        "EVVV2222",
        answers=[answer("details", formula, label="@Details"), answer("n", "-1+1", label="Sum")],
    )
    header, *rows = export_rows(waste_officer_client.get(INDEX, {"export": "csv"}))
    assert header[FIXED_COLUMNS:] == ["'@Details", "Sum"]
    assert rows[0][FIXED_COLUMNS:] == ["'" + formula, "'-1+1"]


def test_another_teams_questions_and_answers_are_not_exported(
    waste_officer_client, waste_queue, housing_queue
):
    make_case(waste_queue, "BAGS2222", answers=[answer("bin", "food", label="Which bin?")])
    make_case(
        housing_queue,
        "RPRB3456",
        answers=[answer("repair", "Leaking roof at 4 Stryd Fawr", label="What needs repairing?")],
    )
    response = waste_officer_client.get(INDEX, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "BAGS 2222" in body
    for leaked in ("RPRB 3456", "What needs repairing?", "Leaking roof"):
        assert leaked not in body


def test_export_queries_do_not_grow_with_the_number_of_cases(
    waste_officer_client, waste_queue, waste_colleague, django_assert_max_num_queries
):
    def make(count, start):
        for number in range(start, start + count):
            make_case(
                waste_queue,
                f"QC{number:06d}".translate(DIGITS),
                assignee=waste_colleague,
                language="cy" if number % 2 else "en",
            )

    make(5, 0)

    def export():
        response = waste_officer_client.get(INDEX, {"export": "csv"})
        return export_rows(response)  # the rows are written as the response streams

    export()  # warm caches (content types, site) as a real server has
    with django_assert_max_num_queries(30) as five:
        assert len(export()) == 6
    make(45, 5)
    with django_assert_max_num_queries(30) as fifty:
        rows = export()
    assert len(rows) == 51
    assert all(row[FIXED_COLUMNS + 1] == "Dewi Price" for row in rows[1:])
    assert len(fifty.captured_queries) == len(five.captured_queries)
