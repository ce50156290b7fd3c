"""Translation permissions for the demo council's editors and moderators, for `manage.py seed_demo`.

Runs after home.demo.seed_workflow, which makes the two groups. Running it again changes nothing.
"""

from django.contrib.auth.models import Group

from .permissions import translator_permissions

TRANSLATOR_GROUPS = ["Editors", "Moderators"]


def seed_translation_permissions(stdout):
    """Editors and moderators may translate pages and snippets into Welsh with wagtail-localize."""
    permissions = list(translator_permissions())
    granted = []
    for name in TRANSLATOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        has = set(group.permissions.all())
        missing = [permission for permission in permissions if permission not in has]
        if missing:
            group.permissions.add(*missing)
            granted.append(name)
    if granted:
        stdout.write(f"{' and '.join(granted)} can now translate pages and snippets.")
