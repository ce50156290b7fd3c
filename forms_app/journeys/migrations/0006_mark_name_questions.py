"""Casework used to take the first short answer with "name" in its name for the resident's name
(so a "street_name" question could be taken for it). Editors now tick "This is the resident's
name" instead. Tick it for the questions existing forms clearly use for the resident's name, in
the live page and its latest revision, so cases keep being filed under the resident's name."""

import json

from django.db import migrations

NAME_QUESTIONS = {"name", "full_name", "your_name", "fullname", "resident_name"}


def _mark(stream):
    """Tick holds_name on name questions in raw StreamField data; True if anything changed."""
    changed = False
    for step in stream or []:
        if step.get("type") != "question_page":
            continue
        for question in step.get("value", {}).get("questions", []):
            value = question.get("value", {})
            if question.get("type") == "text" and value.get("name") in NAME_QUESTIONS:
                if not value.get("holds_name"):
                    value["holds_name"] = True
                    changed = True
    return changed


def mark_name_questions(apps, schema_editor):
    JourneyPage = apps.get_model("journeys", "JourneyPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in JourneyPage.objects.all():
        stream = [dict(child) for child in page.steps.raw_data]
        if _mark(stream):
            JourneyPage.objects.filter(pk=page.pk).update(steps=stream)
        if page.latest_revision_id:
            revision = Revision.objects.filter(pk=page.latest_revision_id).first()
            content = revision.content if revision else None
            if content and "steps" in content:
                steps = content["steps"]
                steps = json.loads(steps) if isinstance(steps, str) else steps
                if _mark(steps):
                    content["steps"] = json.dumps(steps)
                    revision.content = content
                    revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("journeys", "0005_text_question_holds_name"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(mark_name_questions, migrations.RunPython.noop)]
