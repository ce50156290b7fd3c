"""Filters for the staff case list: queue, status, assignee, overdue and channel."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from .enums import OPEN_STATUSES, CaseStatus, Channel
from .models import Case
from .permissions import queues_for

ANY_OPEN = "open"
ME = "me"
NOBODY = "nobody"


def _visible_queues(request):
    return queues_for(request.user)


def display_name(user):
    return user.get_full_name().strip() or user.get_username()


class CaseFilterSet(WagtailFilterSet):
    # Only the user's own queues are offered, so the choices never name another team's queue;
    # any other value is invalid and the list stays within the user's scope regardless.
    queue = django_filters.ModelChoiceFilter(
        label=_("Queue"), queryset=_visible_queues, empty_label=_("All queues")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(ANY_OPEN, _("Any open status")), *CaseStatus.choices],
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    assignee = django_filters.ChoiceFilter(
        label=_("Assigned to"), choices=[], method="filter_assignee", empty_label=_("Anyone")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Due"),
        choices=[("yes", _("Overdue")), ("no", _("Not overdue"))],
        method="filter_overdue",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    channel = django_filters.ChoiceFilter(
        label=_("Channel"), choices=Channel.choices, empty_label=_("All"), widget=forms.RadioSelect
    )

    class Meta:
        model = Case
        fields = ["queue", "status", "assignee", "overdue", "channel"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        colleagues = (
            get_user_model()
            .objects.filter(is_active=True, groups__case_queues__in=queues_for(user))
            .exclude(pk=user.pk)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.filters["assignee"].extra["choices"] = [
            (ME, _("Assigned to me")),
            (NOBODY, _("Nobody (unassigned)")),
            *((str(colleague.pk), display_name(colleague)) for colleague in colleagues),
        ]

    def filter_status(self, queryset, name, value):
        if value == ANY_OPEN:
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.filter(status=value)

    def filter_assignee(self, queryset, name, value):
        if value == ME:
            return queryset.filter(assignee=self.request.user)
        if value == NOBODY:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=value)

    def filter_overdue(self, queryset, name, value):
        overdue = Q(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate())
        return queryset.filter(overdue) if value == "yes" else queryset.exclude(overdue)
