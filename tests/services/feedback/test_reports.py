"""What editors see in the admin: the feedback report, the review report and the dashboard panel."""

import csv
import datetime
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from services.feedback.models import PageFeedback
from tests.factories import ServicePageFactory
from tests.factories.feedback import PageFeedbackFactory
from tests.factories.users import sign_in_verified

from .conftest import staff_user

pytestmark = pytest.mark.django_db

FEEDBACK_REPORT = "/admin/reports/page-feedback/"
REVIEW_REPORT = "/admin/reports/content-review/"


def answers(page, yes=0, no=0, comments=(), on=None):
    on = on or timezone.localdate()
    for useful in [True] * yes + [False] * no:
        PageFeedbackFactory(page=page, useful=useful, created=on)
    for comment in comments:
        PageFeedbackFactory(page=page, useful=None, comment=comment, created=on)


@pytest.fixture
def category(service_page):
    return service_page.get_parent()


@pytest.fixture
def library_page(other_category):
    return ServicePageFactory(parent=other_category, title="Renew a library book")


def rows(response):
    return {
        page.title: (page.yes_count, page.no_count, page.useful_percent, page.comment_count)
        for page in response.context["object_list"]
    }


def test_feedback_report_counts_answers_per_page(client, superuser, service_page, library_page):
    answers(service_page, yes=3, no=1, comments=["Wrong day", "Map is broken"])
    answers(library_page, no=2)
    sign_in_verified(client, superuser)

    response = client.get(FEEDBACK_REPORT)

    assert response.status_code == 200
    assert rows(response) == {
        "Report a missed bin collection": (3, 1, 75, 2),
        "Renew a library book": (0, 2, 0, 0),
    }
    html = response.content.decode()
    assert f'href="/admin/pages/{service_page.pk}/edit/"' in html
    assert "75%" in html
    assert f'href="/admin/reports/page-feedback/{service_page.pk}/"' in html
    # Most "No" answers first: the pages that most need attention.
    assert list(rows(response)) == ["Renew a library book", "Report a missed bin collection"]


def test_feedback_report_period_leaves_out_older_answers(client, superuser, service_page):
    answers(service_page, yes=1, on=timezone.localdate() - datetime.timedelta(days=30))
    answers(service_page, no=1)
    sign_in_verified(client, superuser)

    assert rows(client.get(FEEDBACK_REPORT, {"period": "30"})) == {
        "Report a missed bin collection": (0, 1, 0, 0)
    }
    assert rows(client.get(FEEDBACK_REPORT)) == {"Report a missed bin collection": (1, 1, 50, 0)}


def test_feedback_report_downloads_as_csv(client, superuser, service_page):
    answers(service_page, yes=1, no=3, comments=["Out of date"])
    sign_in_verified(client, superuser)

    response = client.get(FEEDBACK_REPORT, {"export": "csv"})

    assert response["Content-Disposition"] == 'attachment; filename="page-feedback.csv"'
    content = b"".join(response.streaming_content).decode()
    assert list(csv.reader(io.StringIO(content))) == [
        ["Page", "Yes", "No", "Useful (%)", "Comments"],
        ["Report a missed bin collection", "1", "3", "25", "1"],
    ]


def test_comments_page_lists_what_residents_said(client, superuser, service_page):
    answers(service_page, yes=2, comments=["The phone number is [removed]", "Wrong bin day"])
    sign_in_verified(client, superuser)

    response = client.get(f"{FEEDBACK_REPORT}{service_page.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Feedback on ‘Report a missed bin collection’" in html
    assert "The phone number is [removed]" in html
    assert "Wrong bin day" in html
    assert len(response.context["object_list"]) == 2


def test_editors_see_only_feedback_on_pages_they_can_edit(
    client, service_page, library_page, other_category
):
    answers(service_page, no=1, comments=["Bins comment"])
    answers(library_page, no=1, comments=["Library comment"])
    librarian = staff_user("librarian", can_edit=other_category)
    sign_in_verified(client, librarian)

    assert list(rows(client.get(FEEDBACK_REPORT))) == ["Renew a library book"]
    assert client.get(f"{FEEDBACK_REPORT}{library_page.pk}/").status_code == 200
    # The comments of a page they cannot edit are as hidden as its row.
    assert client.get(f"{FEEDBACK_REPORT}{service_page.pk}/").status_code == 404
    csv_export = client.get(FEEDBACK_REPORT, {"export": "csv"})
    assert b"Report a missed bin" not in b"".join(csv_export.streaming_content)


def test_staff_without_page_permissions_cannot_see_the_reports(client, service_page):
    answers(service_page, no=1, comments=["Bins comment"])
    sign_in_verified(client, staff_user("reception"))

    for url in (FEEDBACK_REPORT, f"{FEEDBACK_REPORT}{service_page.pk}/", REVIEW_REPORT):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Bins comment" not in response.content
    menu = client.get("/admin/").content.decode()
    assert FEEDBACK_REPORT not in menu
    assert REVIEW_REPORT not in menu


def test_review_report_shows_owner_dates_and_status(client, superuser, category):
    today = timezone.localdate()
    overdue = ServicePageFactory(
        parent=category,
        title="Parking permits",
        content_owner="Parking team",
        last_reviewed=today - datetime.timedelta(days=400),
        review_interval=12,
    )
    flagged = ServicePageFactory(
        parent=category, title="Bulky waste", last_reviewed=today, review_interval=12
    )
    answers(flagged, yes=4, no=8)
    sign_in_verified(client, superuser)

    response = client.get(REVIEW_REPORT)

    html = response.content.decode()
    assert response.status_code == 200
    assert [page.title for page in response.context["object_list"]] == [
        "Parking permits",
        "Bulky waste",
        "Report a missed bin collection",
    ]
    assert "Parking team" in html
    assert overdue.review_due.strftime("%-d %B %Y") in html
    assert f'href="/admin/pages/{flagged.pk}/edit/"' in html
    assert "Flagged by feedback: 33% useful from 12 answers" in html
    assert "Never reviewed" in html
    assert "Overdue" in html


def test_review_report_downloads_as_spreadsheet(client, superuser, service_page):
    sign_in_verified(client, superuser)
    response = client.get(REVIEW_REPORT, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert list(csv.reader(io.StringIO(content))) == [
        ["Page", "Owner", "Last reviewed", "Review due", "Status"],
        ["Report a missed bin collection", "", "", "", "Never reviewed"],
    ]
    xlsx = client.get(REVIEW_REPORT, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_dashboard_panel_summarises_review_work_for_editors(client, superuser, category):
    today = timezone.localdate()
    ServicePageFactory(
        parent=category, last_reviewed=today - datetime.timedelta(days=400), review_interval=12
    )
    ServicePageFactory(
        parent=category, last_reviewed=today - datetime.timedelta(days=350), review_interval=12
    )
    flagged = ServicePageFactory(parent=category, last_reviewed=today, review_interval=12)
    answers(flagged, no=10)
    sign_in_verified(client, superuser)

    html = client.get("/admin/").content.decode()

    assert 'id="content-review' in html
    assert "1 page is overdue for review" in html
    assert "1 page is due for review in the next 30 days" in html
    assert "1 page is flagged by residents’ feedback" in html
    assert "1 page has never been reviewed" in html
    assert f'href="{REVIEW_REPORT}"' in html


def test_dashboard_panel_is_not_shown_without_page_permissions(client, service_page):
    sign_in_verified(client, staff_user("reception"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'id="content-review' not in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [FEEDBACK_REPORT, REVIEW_REPORT, "/admin/"])
def test_reports_take_the_same_number_of_queries_for_many_pages(client, category, url):
    editor = staff_user("editor", can_edit=category)
    sign_in_verified(client, editor)

    def add_pages(count):
        for _ in range(count):
            page = ServicePageFactory(parent=category)
            answers(page, yes=1, no=10, comments=["Out of date"])

    add_pages(2)
    client.get(url)  # warm per-process caches (content types, site root paths)
    few = count_queries(client, url)
    add_pages(10)
    many = count_queries(client, url)

    assert many == few
    assert PageFeedback.objects.count() == 12 * 12


FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3"]


def test_comments_export_never_hands_a_spreadsheet_a_formula(client, superuser, service_page):
    answers(service_page, comments=[*FORMULAS, "The map is wrong"])
    sign_in_verified(client, superuser)

    response = client.get(f"{FEEDBACK_REPORT}{service_page.pk}/?export=csv")

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    comments = sorted(row["What went wrong"] for row in csv.DictReader(io.StringIO(body)))
    assert comments == sorted([*(f"'{formula}" for formula in FORMULAS), "The map is wrong"])
