"""The admin home page panel: each of the user's queues with its new, open and overdue counts."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from .enums import OPEN_STATUSES, CaseStatus
from .models import Case
from .permissions import queues_for


def queue_counts(user, today=None):
    """[(queue, {"new", "open", "overdue"})] for the user's queues, in two queries."""
    today = today or timezone.localdate()
    counts = {
        row.pop("queue"): row
        for row in Case.objects.for_user(user)
        .filter(status__in=OPEN_STATUSES)
        .order_by()
        .values("queue")
        .annotate(
            new=Count("pk", filter=Q(status=CaseStatus.NEW)),
            open=Count("pk"),
            overdue=Count("pk", filter=Q(due_date__lt=today)),
        )
    }
    empty = {"new": 0, "open": 0, "overdue": 0}
    # Queues with nothing open are listed too: a zero is news for a team lead.
    return [(queue, counts.get(queue.pk, empty)) for queue in queues_for(user).order_by("name")]


class CaseQueuesPanel(Component):
    name = "case_queues"
    template_name = "cases/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        index = reverse("cases:index")

        def link(**params):
            return f"{index}?{urlencode(params)}"

        rows = [
            {
                "queue": queue,
                "new": count["new"],
                "open": count["open"],
                "overdue": count["overdue"],
                "new_url": link(queue=queue.pk, status=CaseStatus.NEW.value),
                "open_url": link(queue=queue.pk, status="open"),
                "overdue_url": link(queue=queue.pk, overdue="yes"),
            }
            for queue, count in queue_counts(user)
        ]
        return {"rows": rows, "all_url": index}
