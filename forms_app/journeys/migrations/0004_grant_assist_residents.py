"""Assisted digital used to be for members of the "Customer services" group, checked by name in
code. It is now the permission journeys.assist_residents: give it to that group where it exists,
so nobody who helped residents yesterday is refused today."""

from django.db import migrations

RECEPTION_GROUP = "Customer services"
CODENAME = "assist_residents"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=RECEPTION_GROUP).first()
    if group is None:
        return
    # Permissions are made after migrations run: make this one now, as Django would.
    content_type, _ = ContentType.objects.get_or_create(app_label="journeys", model="submission")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can complete online forms on a resident's behalf (assisted digital)"},
    )
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("journeys", "0003_journeys_any_page_type_and_assist_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
