import unicodedata

from django.db import migrations, models

import search.models


def _fold(text):
    # As search.words.fold was when this migration was written.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_match_keys(apps, schema_editor):
    """Synonyms and promoted results made before accents stopped mattering."""
    Synonym = apps.get_model("search", "Synonym")
    PromotedResult = apps.get_model("search", "PromotedResult")
    for synonym in Synonym.objects.all():
        synonym.match_term = _fold(synonym.term)
        synonym.save(update_fields=["match_term"])
    for promotion in PromotedResult.objects.all():
        promotion.match_key = _fold(promotion.match_key)
        promotion.save(update_fields=["match_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        # Synonyms made before they had a language were the English ones.
        migrations.AddField(
            model_name="synonym",
            name="language",
            field=models.CharField(
                choices=search.models.language_choices,
                default="en",
                help_text="Used only for searches in this language.",
                max_length=12,
                verbose_name="language",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="synonym",
            name="language",
            field=models.CharField(
                choices=search.models.language_choices,
                default=search.models.default_language,
                help_text="Used only for searches in this language.",
                max_length=12,
                verbose_name="language",
            ),
        ),
        migrations.AlterField(
            model_name="synonym",
            name="term",
            field=models.CharField(
                help_text="A word or short phrase residents use, e.g. 'rubbish' or 'the tip'.",
                max_length=100,
                verbose_name="when someone searches for",
            ),
        ),
        migrations.AddField(
            model_name="synonym",
            name="match_term",
            field=models.CharField(default="", editable=False, max_length=100),
        ),
        migrations.AlterModelOptions(
            name="synonym",
            options={
                "ordering": ["term", "language"],
                "verbose_name": "synonym",
                "verbose_name_plural": "synonyms",
            },
        ),
        migrations.AddConstraint(
            model_name="synonym",
            constraint=models.UniqueConstraint(
                fields=("term", "language"),
                name="search_one_synonym_per_term_and_language",
                violation_error_message=(
                    "There is already a synonym for this search in this language."
                ),
            ),
        ),
        migrations.AlterField(
            model_name="promotedresult",
            name="phrases",
            field=models.TextField(
                help_text=(
                    "One search on each line, in any language, e.g. 'bin day' or 'diwrnod "
                    "biniau'. It matches when someone searches for exactly these words; capital "
                    "letters, accents and punctuation do not matter. The pages are shown in the "
                    "language of the search."
                ),
                verbose_name="searches",
            ),
        ),
        migrations.RunPython(fold_match_keys, migrations.RunPython.noop),
    ]
