# The council's name, opening hours, address and footer links now live in CouncilDetails
# (0004 moved them there).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_move_council_details'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='councilsettings',
            name='contact_address',
        ),
        migrations.RemoveField(
            model_name='councilsettings',
            name='contact_hours',
        ),
        migrations.RemoveField(
            model_name='councilsettings',
            name='council_name',
        ),
        migrations.RemoveField(
            model_name='councilsettings',
            name='footer_links',
        ),
    ]
