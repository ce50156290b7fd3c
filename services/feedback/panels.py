from django.utils import timezone

from wagtail.admin.ui.components import Component

from .enums import ReviewStatus
from .review import pages_needing_review


class ReviewDashboardPanel(Component):
    """On the admin home: how many of your pages need reviewing, with a way into the report."""

    name = "content_review"
    template_name = "feedback/admin/review_panel.html"
    order = 150

    def __init__(self, user, today=None):
        self.user = user
        self.today = today or timezone.localdate()

    def get_context_data(self, parent_context):
        pages = pages_needing_review(self.user, self.today)

        def count(status):
            return sum(status in page.review_statuses for page in pages)

        return {
            "overdue": count(ReviewStatus.OVERDUE),
            "due_soon": count(ReviewStatus.DUE_SOON),
            "flagged": count(ReviewStatus.FLAGGED),
            "never_reviewed": count(ReviewStatus.NEVER_REVIEWED),
        }
