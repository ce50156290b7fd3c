"""Some "Is this page useful?" answers for the demo council, for `manage.py seed_demo`: enough on
one page for it to be flagged for review, so editors can see feedback and review work together."""

import datetime

from django.utils import timezone

from wagtail.models import Page

from .models import PageFeedback

# slug: (yes, no, comments)
ANSWERS = {
    "council-tax-bands-and-charges": (4, 9, ["It does not say what band my flat is in."]),
    "find-your-bin-collection-day": (18, 2, ["Would be good to get a reminder."]),
    "report-a-pothole": (7, 3, []),
}
# Recent, so the answers fall inside the 90 days the review report looks at.
DAYS_AGO = 10


def seed_feedback(stdout):
    if PageFeedback.objects.exists():
        return
    pages = {page.slug: page for page in Page.objects.filter(slug__in=ANSWERS)}
    answered_on = timezone.localdate() - datetime.timedelta(days=DAYS_AGO)
    rows = []
    for slug, (yes, no, comments) in ANSWERS.items():
        page = pages.get(slug)
        if page is None:
            continue
        answers = [True] * yes + [False] * no
        rows += [
            PageFeedback(page=page, useful=useful, locale_id=page.locale_id, created=answered_on)
            for useful in answers
        ]
        rows += [
            PageFeedback(page=page, comment=text, locale_id=page.locale_id, created=answered_on)
            for text in comments
        ]
    PageFeedback.objects.bulk_create(rows)
    stdout.write(f"Created {len(rows)} feedback answers.")
