"""Which pages need reviewing on a given day, and when residents' answers flag a page."""

import datetime

import pytest

from services.feedback.review import feedback_flags, pages_needing_review
from tests.factories import (
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServicePageFactory,
)
from tests.factories.feedback import PageFeedbackFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)


def answers(page, yes, no, on=TODAY):
    for useful in [True] * yes + [False] * no:
        PageFeedbackFactory(page=page, useful=useful, created=on)


@pytest.fixture
def category(service_page):
    return service_page.get_parent()


@pytest.mark.parametrize(
    ("yes", "no", "flagged"),
    [
        (5, 5, True),  # 50% from 10 answers
        (6, 4, False),  # exactly 60% is not below the threshold
        (5, 4, False),  # 55%, but only 9 answers: too few to judge
        (0, 9, False),
        (0, 10, True),
    ],
)
def test_flagged_only_below_the_threshold_with_enough_answers(service_page, yes, no, flagged):
    answers(service_page, yes, no)
    assert (service_page.pk in feedback_flags(TODAY)) is flagged


def test_threshold_is_compared_exactly(service_page, settings):
    # 7 / 10 is 0.7 exactly; a float product (0.7 * 10 = 7.000000000000001) would flag it.
    settings.FEEDBACK_FLAG_THRESHOLD = 0.7
    answers(service_page, 7, 3)
    assert feedback_flags(TODAY) == {}
    PageFeedbackFactory(page=service_page, useful=False, created=TODAY)
    assert service_page.pk in feedback_flags(TODAY)


def test_only_answers_from_the_last_90_days_count(service_page):
    answers(service_page, 0, 10, on=TODAY - datetime.timedelta(days=90))
    assert feedback_flags(TODAY) == {}
    answers(service_page, 0, 10, on=TODAY - datetime.timedelta(days=89))
    assert feedback_flags(TODAY)[service_page.pk].answers == 10


def test_problem_reports_are_not_counted_as_answers(service_page):
    answers(service_page, 1, 8)
    PageFeedbackFactory(page=service_page, problem=True, created=TODAY)
    assert feedback_flags(TODAY) == {}


def test_settings_change_the_threshold_and_minimum(service_page, settings):
    settings.FEEDBACK_FLAG_THRESHOLD = 0.5
    settings.FEEDBACK_FLAG_MIN_ANSWERS = 4
    answers(service_page, 1, 3)
    assert feedback_flags(TODAY)[service_page.pk].percent == 25


def reviewed(category, title, last_reviewed, **kwargs):
    return ServicePageFactory(
        parent=category, title=title, last_reviewed=last_reviewed, review_interval=12, **kwargs
    )


def test_review_report_statuses_and_order(category, superuser):
    overdue_long = reviewed(category, "Council tax bands", datetime.date(2024, 1, 10))
    overdue = reviewed(category, "Parking permits", datetime.date(2025, 3, 14))
    due_today = reviewed(category, "Garden waste", datetime.date(2025, 3, 15))
    due_in_30_days = LocationPageFactory(
        parent=category, title="Town hall", last_reviewed=datetime.date(2025, 4, 14)
    )
    reviewed(category, "Fine for another month", datetime.date(2025, 4, 15))
    flagged = reviewed(category, "Bulky waste", datetime.date(2026, 1, 1))
    answers(flagged, 4, 6)
    flagged_and_overdue = reviewed(category, "Pest control", datetime.date(2025, 1, 1))
    answers(flagged_and_overdue, 2, 10)
    never = category.get_children().get(title="Report a missed bin collection").specific
    draft = reviewed(category, "Unpublished page", None, live=False)

    rows = pages_needing_review(superuser, TODAY)

    assert [(page.title, page.status_labels) for page in rows] == [
        ("Council tax bands", ["Overdue"]),
        ("Pest control", ["Overdue", "Flagged by feedback: 16% useful from 12 answers"]),
        ("Parking permits", ["Overdue"]),
        ("Bulky waste", ["Flagged by feedback: 40% useful from 10 answers"]),
        ("Report a missed bin collection", ["Never reviewed"]),
        ("Garden waste", ["Due soon"]),
        ("Town hall", ["Due soon"]),
    ]
    assert never.last_reviewed is None
    assert draft.pk not in {page.pk for page in rows}
    assert {overdue_long.pk, overdue.pk, due_today.pk, due_in_30_days.pk} <= {
        page.pk for page in rows
    }


def test_pages_without_review_dates_are_not_in_the_review_report(home_page, superuser):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    answers(news, 0, 10)
    assert news.pk in feedback_flags(TODAY)
    assert pages_needing_review(superuser, TODAY) == []
