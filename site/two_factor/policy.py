"""Who must prove a second factor (a TOTP code from an authenticator app) before the admin.

Anyone who can see residents' cases: superusers and every user with a permission of the casework
app (`cases.view_case`, `cases.change_case`, ...), directly or through a group. Editors without
casework may skip it. The app label is named rather than imported, so this needs no casework code.
"""

from django_otp import user_has_device

CASEWORK_APP = "cases"


def needs_two_factor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        permission.split(".", 1)[0] == CASEWORK_APP for permission in user.get_all_permissions()
    )


def is_verified(user):
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def has_device(user):
    return user_has_device(user, confirmed=True)
