"""Casework's panels elsewhere in the admin: each of the user's queues with its new, open and
overdue counts on the home page, and where a form's cases go on the form's edit page."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from forms_app.journeys.rules import routable_questions

from .enums import OPEN_STATUSES, CaseStatus
from .models import Case, Queue, RoutingRule
from .permissions import queues_for
from .routing import UNROUTED


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


def _rule_row(rule, questions, user):
    question = questions.get(rule.question_name)
    words = dict(question.options) if question else {}
    answer = next(
        (words[value] for value in words if value.lower() == rule.answer.strip().lower()),
        rule.answer,
    )
    return {
        "rule": rule,
        "question": question.label if question else rule.question_name,
        "answer": answer,
        "problem": " ".join(str(m) for messages in rule.problems().values() for m in messages),
        "edit_url": _edit_url(rule, user),
    }


def _edit_url(rule, user):
    if user.has_perm("cases.change_routingrule"):
        return reverse("routing_rules:edit", args=[rule.pk])
    return None


def journey_routing_panel(request, page):
    """ "Where cases go" on a form's edit page: its routing rules in the order they are tried, and
    the queue every other case goes to. Anyone editing the form sees it; those who may manage
    routing rules get links to add and change them, which come back here after saving."""
    rules = (
        list(
            RoutingRule.objects.filter(journey__translation_key=page.translation_key)
            .select_related("queue", "journey")
            .order_by("order", "pk")
        )
        if page.pk
        else []
    )
    # The words of the form being edited (Welsh, on a Welsh form); rules match the same values.
    questions = {question.name: question for question in routable_questions(page)}
    by_answer, every_case, never_used = [], None, []
    for rule in rules:
        if every_case is not None:
            # Rules are tried in order, and the one above takes every case.
            never_used.append(_rule_row(rule, questions, request.user))
        elif not rule.question_name:
            every_case = rule
        else:
            by_answer.append(_rule_row(rule, questions, request.user))
    default = Queue.objects.filter(is_default=True).first()
    back = reverse("wagtailadmin_pages:edit", args=[page.pk]) if page.pk else ""
    can_add = bool(page.pk) and request.user.has_perm("cases.add_routingrule")
    return render_to_string(
        "cases/admin/journey_routing.html",
        {
            "by_answer": by_answer,
            "every_case": every_case,
            "every_case_edit_url": _edit_url(every_case, request.user) if every_case else None,
            "never_used": never_used,
            "default_queue": default.name if default else UNROUTED,
            "add_url": (
                f"{reverse('routing_rules:add')}?{urlencode({'journey': page.pk, 'next': back})}"
                if can_add
                else None
            ),
            "next": back,
            "saved": bool(page.pk),
        },
        request=request,
    )
