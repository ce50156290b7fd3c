"""Admin reports: what residents said about each page, and which pages need reviewing."""

import datetime

from django.http import Http404
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page

import django_filters

from townhall.spreadsheets import SafeReportView

from .models import PageFeedback, annotate_feedback_counts
from .permissions import page_policy, pages_user_can_edit
from .review import pages_needing_review

PERIODS = {"30": 30, "90": 90, "365": 365}


def long_date(day):
    """'5 January 2026', as GOV.UK writes dates; blank when there is no date."""
    return dateformat.format(day, "j F Y") if day else ""


class StatusTagsColumn(Column):
    cell_template_name = "feedback/admin/status_tags_cell.html"


class PeriodFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Answers from"),
        choices=[
            ("30", _("The last 30 days")),
            ("90", _("The last 90 days")),
            ("365", _("The last 12 months")),
        ],
        empty_label=_("Any time"),
        # The period is applied with the counts, in FeedbackReportView.get_queryset.
        method=lambda queryset, name, value: queryset,
    )

    class Meta:
        model = Page
        fields = []


class ReviewerReportView(SafeReportView):
    """Open to anyone who can edit a page; the rows are scoped to the pages they can edit."""

    model = Page
    permission_required = "change"

    @cached_property
    def permission_policy(self):
        return page_policy()

    @cached_property
    def today(self):
        return timezone.localdate()


class FeedbackReportView(ReviewerReportView):
    page_title = _("Page feedback")
    header_icon = "comment"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    filterset_class = PeriodFilterSet
    default_ordering = "-no_count"
    export_filename = "page-feedback"
    no_results_message = _("No one has answered ‘Is this page useful?’ on your pages yet.")
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            url_name="wagtailadmin_pages:edit",
            sort_key="title",
        ),
        Column("yes_count", label=_("Yes"), sort_key="yes_count"),
        Column("no_count", label=_("No"), sort_key="no_count"),
        Column(
            "useful_percent",
            label=_("Useful"),
            sort_key="useful_percent",
            accessor=lambda page: "" if page.useful_percent is None else f"{page.useful_percent}%",
        ),
        TitleColumn(
            "comment_count",
            label=_("Comments"),
            sort_key="comment_count",
            # No link to an empty list of comments.
            get_url=lambda page: (
                reverse("feedback_report_comments", args=[page.pk]) if page.comment_count else None
            ),
        ),
    ]
    list_export = ["title", "yes_count", "no_count", "useful_percent", "comment_count"]
    export_headings = {
        "title": _("Page"),
        "yes_count": _("Yes"),
        "no_count": _("No"),
        "useful_percent": _("Useful (%)"),
        "comment_count": _("Comments"),
    }

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_queryset(self):
        since = None
        if self.filters and self.filters.is_valid():
            days = PERIODS.get(self.filters.form.cleaned_data.get("period") or "")
            if days:
                since = self.today - datetime.timedelta(days=days - 1)
        pages = annotate_feedback_counts(pages_user_can_edit(self.request.user), since=since)
        return pages.order_by(self.ordering, "title", "pk").only("pk", "title")


class PageCommentsReportView(ReviewerReportView):
    header_icon = "comment"
    index_url_name = "feedback_report_comments"
    export_filename = "page-feedback-comments"
    no_results_message = _("No one has left a comment on this page.")
    columns = [
        Column("created", label=_("Date"), accessor=lambda feedback: long_date(feedback.created)),
        Column("comment", label=_("What went wrong")),
    ]
    list_export = ["created", "comment"]
    export_headings = {"created": _("Date"), "comment": _("What went wrong")}

    @cached_property
    def target_page(self):
        page = pages_user_can_edit(self.request.user).filter(pk=self.kwargs["page_id"]).first()
        if page is None:
            raise Http404
        return page

    def get_page_title(self):
        return _("Feedback on ‘%(title)s’") % {"title": self.target_page.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("feedback_report"), "label": FeedbackReportView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.target_page.pk])

    def get_filename(self):
        return f"{self.export_filename}-{self.target_page.slug}"

    def get_queryset(self):
        return PageFeedback.objects.filter(page=self.target_page).with_comments()


class ReviewReportView(ReviewerReportView):
    page_title = _("Content review")
    header_icon = "time"
    index_url_name = "review_report"
    export_filename = "content-review"
    no_results_message = _("None of your pages are due for review.")
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("content_owner", label=_("Owner")),
        Column(
            "last_reviewed",
            label=_("Last reviewed"),
            accessor=lambda page: long_date(page.last_reviewed),
        ),
        Column(
            "review_due", label=_("Review due"), accessor=lambda page: long_date(page.review_due)
        ),
        StatusTagsColumn("status_labels", label=_("Status")),
    ]
    list_export = ["title", "content_owner", "last_reviewed", "review_due", "status_labels"]
    export_headings = {
        "title": _("Page"),
        "content_owner": _("Owner"),
        "last_reviewed": _("Last reviewed"),
        "review_due": _("Review due"),
        "status_labels": _("Status"),
    }

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_queryset(self):
        return pages_needing_review(self.request.user, self.today)
