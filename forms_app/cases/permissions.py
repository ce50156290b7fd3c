"""Who may do what with cases in the admin: the model permission AND the queue scope, together.

A permission such as `cases.view_case` says a member of staff works cases at all; their groups'
queues say which ones. Checking only the first is the list/detail disagreement django-helpdesk
shipped (#1413, #1423), so every check on a particular case also asks `Case.objects.for_user`.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

# Cases arrive from residents' submissions and leave through retention, never by hand in the
# admin, so "add" and "delete" are refused for everyone, superusers included.
CASE_ACTIONS = frozenset({"view", "change", "export", "transfer"})
# Either is enough to see the list, a case and its files; acting on a case needs "change".
SEE = ["view", "change"]


class CasePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in CASE_ACTIONS and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and instance.can_be_worked_by(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return self.model.objects.for_user(user)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in CASE_ACTIONS]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)

    def users_with_any_permission_for_instance(self, actions, instance):
        return (
            self.users_with_any_permission(actions)
            .filter(Q(is_superuser=True) | Q(groups__case_queues=instance.queue_id))
            .distinct()
        )


# The one instance, registered for Case in wagtail_hooks.py so Wagtail's own views use it too.
case_permission_policy = CasePermissionPolicy("cases.Case")


def can_see_cases(user):
    return case_permission_policy.user_has_any_permission(user, SEE)


def colleagues_for(queue):
    """Who a case in this queue can be assigned to: active members of the queue's group."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups=queue.group_id)
        .order_by("first_name", "last_name", "username")
    )


def queues_for(user):
    """The queues whose cases this member of staff sees: the Queue side of `Case.for_user`."""
    from .models import Queue

    if not user.is_authenticated or not user.is_active:
        return Queue.objects.none()
    if user.is_superuser:
        return Queue.objects.all()
    return Queue.objects.filter(group__in=user.groups.all())


def queue_ids_for(user):
    """The ids of `queues_for(user)`, read once for a user object (a request's user): the case
    list and the admin menu both ask. As with Django's own permission cache, a change to the
    user's groups shows from their next request."""
    if not hasattr(user, "_case_queue_ids"):
        user._case_queue_ids = list(queues_for(user).values_list("pk", flat=True))
    return user._case_queue_ids
