"""Feedback: residents' "Is this page useful?" answers, and the reports that act on them.

An answer is deliberately anonymous: the page, the answer, an optional comment with email addresses
and phone numbers removed, the page's language and the day. Nothing that identifies the resident
(no IP address, user, user agent or time of day) is stored.
"""

from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageFeedbackQuerySet(models.QuerySet):
    def answered(self):
        """Yes and No answers; a problem reported without answering the question is neither."""
        return self.filter(useful__isnull=False)

    def since(self, day):
        return self.filter(created__gte=day)

    def with_comments(self):
        return self.exclude(comment="")

    def counts_by_page(self):
        """One row per page: {"page": id, "yes": n, "answers": n}, in a single grouped query."""
        return (
            self.answered()
            .values("page")
            .annotate(yes=Count("pk", filter=Q(useful=True)), answers=Count("pk"))
            .order_by()
        )


def annotate_feedback_counts(pages, since=None):
    """Add yes_count, no_count, answer_count, comment_count and useful_percent to a page queryset.

    The period filter goes on the same join as the counts, so each page is one grouped row.
    `useful_percent` is whole percent rounded down (integer division in the database), so a page at
    59.9% never reads as 60%.
    """
    if since is not None:
        pages = pages.filter(feedback__created__gte=since)
    else:
        pages = pages.filter(feedback__isnull=False)
    return pages.annotate(
        yes_count=Count("feedback", filter=Q(feedback__useful=True)),
        no_count=Count("feedback", filter=Q(feedback__useful=False)),
        answer_count=Count("feedback", filter=Q(feedback__useful__isnull=False)),
        comment_count=Count("feedback", filter=~Q(feedback__comment="")),
    ).annotate(
        useful_percent=models.ExpressionWrapper(
            F("yes_count") * 100 / NullIf(F("answer_count"), 0),
            output_field=models.IntegerField(),
        )
    )


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("page"),
    )
    # None when a resident used "Report a problem with this page" without answering the question,
    # so a problem report does not count as a "No".
    useful = models.BooleanField(_("useful"), null=True, blank=True)
    comment = models.TextField(_("what went wrong"), blank=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("language"),
    )
    # A day, not a moment: enough for trends, too coarse to match an answer to a server log.
    created = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["page", "created"])]

    def __str__(self):
        return f"{self.page_id} {self.created}: {self.get_answer_display()}"

    def get_answer_display(self):
        if self.useful is None:
            return _("Reported a problem")
        return _("Yes") if self.useful else _("No")
