from django.contrib.auth import get_user_model

from wagtail.permission_policies.base import BasePermissionPolicy


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Only superusers see the loaded releases, and nobody edits them in the admin: a release is
    Vocalink's published data, replaced by loading a newer one with `load_modulus_data`."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
