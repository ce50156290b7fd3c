"""Who sees notifications: staff who work a queue see those about their queues' cases. Read only."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies.base import BasePermissionPolicy

from forms_app.cases.permissions import queue_ids_for

VIEW = "view"


class NotificationPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action != VIEW or not user.is_authenticated or not user.is_active:
            return False
        return user.is_superuser or bool(queue_ids_for(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            action == VIEW
            and self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if VIEW not in actions:
            return self.model._default_manager.none()
        return self.model._default_manager.for_user(user)

    def users_with_any_permission(self, actions):
        if VIEW not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__case_queues__isnull=False))
            .distinct()
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        group_id = instance.case.queue.group_id if instance.case else None
        if group_id is None:  # an orphaned notification, or a queue only admins work
            return users.filter(is_superuser=True)
        return users.filter(Q(is_superuser=True) | Q(groups=group_id))
