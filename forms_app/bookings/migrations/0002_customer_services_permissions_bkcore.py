"""The Customer services group runs the reception points: let it manage appointment types and
schedules, see bookings and work the reception desk, where that group exists."""

from django.db import migrations

RECEPTION_GROUP = "Customer services"

PERMISSIONS = {
    "appointmenttype": {
        "add_appointmenttype": "Can add appointment type",
        "change_appointmenttype": "Can change appointment type",
        "delete_appointmenttype": "Can delete appointment type",
        "view_appointmenttype": "Can view appointment type",
    },
    "bookableschedule": {
        "add_bookableschedule": "Can add appointment schedule",
        "change_bookableschedule": "Can change appointment schedule",
        "delete_bookableschedule": "Can delete appointment schedule",
        "view_bookableschedule": "Can view appointment schedule",
    },
    "booking": {
        "view_booking": "Can view booking",
        "change_booking": "Can change booking",
        "work_reception_desk": "Can check residents in at the reception desk",
    },
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=RECEPTION_GROUP).first()
    if group is None:
        return
    for model, permissions in PERMISSIONS.items():
        # Permissions are made after migrations run: make these now, as Django would.
        content_type, _ = ContentType.objects.get_or_create(app_label="bookings", model=model)
        for codename, name in permissions.items():
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("bookings", "0001_initial_bkcore"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
