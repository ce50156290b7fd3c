"""Revenues staff produce AUDDIS files and import the bank's reports: give the "Revenues" group
`bacs.produce_auddis_file` where it exists (the demo's group is given it by seed_demo)."""

from django.db import migrations

GROUP = "Revenues"
CODENAME = "produce_auddis_file"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    # Permissions are made after migrations run: make this one now, as Django would.
    content_type, _ = ContentType.objects.get_or_create(app_label="bacs", model="auddisfile")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can produce AUDDIS files and import Bacs reports"},
    )
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("bacs", "0001_auddis_files_ddbacs"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
