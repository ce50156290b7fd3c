"""Move each site's council name, opening hours, address and footer links from its settings into
council details in the default language, which the settings then point at. Reversible: going back
copies the default-language details onto the settings again (translations have nowhere to go)."""

from django.conf import settings
from django.db import migrations

from wagtail.coreutils import get_supported_content_language_variant

MOVED = ["council_name", "contact_hours", "contact_address"]


def _raw(stream):
    # Historical models know the StreamField's blocks, so the stored JSON moves as it is.
    return list(stream.raw_data)


def settings_to_details(apps, schema_editor):
    CouncilSettings = apps.get_model("home", "CouncilSettings")
    CouncilDetails = apps.get_model("home", "CouncilDetails")
    Locale = apps.get_model("wagtailcore", "Locale")
    council_settings = CouncilSettings.objects.filter(details__isnull=True)
    if not council_settings.exists():
        return
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    for council in council_settings:
        council.details = CouncilDetails.objects.create(
            locale=locale,
            footer_links=_raw(council.footer_links),
            **{name: getattr(council, name) for name in MOVED},
        )
        council.save(update_fields=["details"])


def details_to_settings(apps, schema_editor):
    CouncilSettings = apps.get_model("home", "CouncilSettings")
    for council in CouncilSettings.objects.filter(details__isnull=False).select_related("details"):
        for name in MOVED:
            setattr(council, name, getattr(council.details, name))
        council.footer_links = _raw(council.details.footer_links)
        council.details = None
        council.save(update_fields=[*MOVED, "footer_links", "details"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_council_details"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(settings_to_details, details_to_settings),
    ]
