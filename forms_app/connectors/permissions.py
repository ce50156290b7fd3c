from django.contrib.auth import get_user_model

from wagtail.permission_policies.base import BasePermissionPolicy


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Only superusers see these records, and nobody edits them: they are what the system did.

    Webhook payloads hold residents' answers from every queue, so queue staff, who see only their
    own queues' cases, do not get to read them here.
    """

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
