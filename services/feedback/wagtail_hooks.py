from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .panels import ReviewDashboardPanel
from .permissions import can_see_reports
from .reports import FeedbackReportView, PageCommentsReportView, ReviewReportView


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reports(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/page-feedback/", FeedbackReportView.as_view(), name="feedback_report"),
        path(
            "reports/page-feedback/results/",
            FeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
        path(
            "reports/page-feedback/<int:page_id>/",
            PageCommentsReportView.as_view(),
            name="feedback_report_comments",
        ),
        path("reports/content-review/", ReviewReportView.as_view(), name="review_report"),
    ]


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return ReviewerMenuItem(
        _("Page feedback"),
        reverse("feedback_report"),
        name="page-feedback",
        icon_name="comment",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewerMenuItem(
        _("Content review"),
        reverse("review_report"),
        name="content-review",
        icon_name="time",
        order=1310,
    )


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    if can_see_reports(request.user):
        panels.append(ReviewDashboardPanel(request.user))
