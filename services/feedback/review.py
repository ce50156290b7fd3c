"""Which pages need reviewing, and why: review dates from ReviewMixin, and residents' feedback.

Every function takes `today` so reports and tests agree on what "overdue" means on a given day.
"""

import datetime
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.db.models import Q
from django.utils.translation import ngettext

from wagtail.models import get_page_models

from services.models import ReviewMixin

from .enums import URGENCY, ReviewStatus
from .models import PageFeedback
from .permissions import pages_user_can_edit

DUE_SOON_DAYS = 30


def flag_threshold():
    return getattr(settings, "FEEDBACK_FLAG_THRESHOLD", 0.6)


def flag_min_answers():
    return getattr(settings, "FEEDBACK_FLAG_MIN_ANSWERS", 10)


def flag_days():
    return getattr(settings, "FEEDBACK_FLAG_DAYS", 90)


def window_start(today, days):
    """The first of the `days` days that end with `today`."""
    return today - datetime.timedelta(days=days - 1)


def useful_percent(yes, answers):
    """Whole percent rounded down, as the feedback report shows it."""
    return yes * 100 // answers


@dataclass(frozen=True)
class FeedbackFlag:
    yes: int
    answers: int

    @property
    def percent(self):
        return useful_percent(self.yes, self.answers)


def feedback_flags(today, pages=None):
    """{page id: FeedbackFlag} for pages residents found less useful than the threshold.

    One grouped query; the threshold is compared exactly (6 of 10 is not below 0.6).
    """
    threshold = Fraction(str(flag_threshold()))
    feedback = PageFeedback.objects.since(window_start(today, flag_days()))
    if pages is not None:
        feedback = feedback.filter(page__in=pages)
    rows = feedback.counts_by_page().filter(answers__gte=flag_min_answers())
    return {
        row["page"]: FeedbackFlag(row["yes"], row["answers"])
        for row in rows
        if Fraction(row["yes"], row["answers"]) < threshold
    }


def review_page_models():
    """Every page type that has review dates: new ones join the report by using the mixin.

    A page type that inherits from another in the list is left out: its pages already come back
    from its parent's table, and listing them twice would double-count them.
    """
    models = [model for model in get_page_models() if issubclass(model, ReviewMixin)]
    return [
        model
        for model in models
        if not any(other is not model and issubclass(model, other) for other in models)
    ]


def status_label(status, flag=None):
    if status == ReviewStatus.FLAGGED and flag is not None:
        return ngettext(
            "Flagged by feedback: %(percent)s%% useful from %(count)s answer",
            "Flagged by feedback: %(percent)s%% useful from %(count)s answers",
            flag.answers,
        ) % {"percent": flag.percent, "count": flag.answers}
    return str(status.label)


def review_statuses(page, today, flag=None):
    statuses = []
    if page.review_due is None:
        statuses.append(ReviewStatus.NEVER_REVIEWED)
    elif page.review_due < today:
        statuses.append(ReviewStatus.OVERDUE)
    elif page.review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        statuses.append(ReviewStatus.DUE_SOON)
    if flag is not None:
        statuses.append(ReviewStatus.FLAGGED)
    return sorted(statuses, key=URGENCY.__getitem__)


def _urgency_key(page):
    status = page.review_statuses[0]
    if status == ReviewStatus.OVERDUE:
        within = page.review_due.toordinal()  # longest overdue first
    elif status == ReviewStatus.FLAGGED:
        within = page.feedback_flag.percent  # least useful first
    elif status == ReviewStatus.DUE_SOON:
        within = page.review_due.toordinal()
    else:
        within = 0
    return (URGENCY[status], within, page.title.lower(), page.pk)


def pages_needing_review(user, today):
    """Live pages the user can edit that are overdue, due soon, never reviewed or flagged.

    Each row is the specific page with `review_statuses`, `status_labels` and `feedback_flag` set.
    Queries: the permission check, one for feedback and one per page type with review dates, however
    many pages there are.
    """
    editable = pages_user_can_edit(user).live()
    flags = feedback_flags(today, pages=editable.values("pk"))
    due_by = today + datetime.timedelta(days=DUE_SOON_DAYS)
    rows = []
    for model in review_page_models():
        candidates = (
            model.objects.live()
            .filter(pk__in=editable.values("pk"))
            .filter(
                # review_due is null exactly when the page has never been reviewed.
                Q(review_due__lte=due_by) | Q(review_due__isnull=True) | Q(pk__in=list(flags))
            )
            .defer_streamfields()
        )
        for page in candidates:
            flag = flags.get(page.pk)
            page.feedback_flag = flag
            page.review_statuses = review_statuses(page, today, flag)
            page.status_labels = [status_label(status, flag) for status in page.review_statuses]
            rows.append(page)
    rows.sort(key=_urgency_key)
    return rows
