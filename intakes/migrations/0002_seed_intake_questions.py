"""The starting set of intake questions (intakes/reference.py), shared by every organisation until 0004 gave
each organisation its own copy."""

from django.db import migrations

from intakes.reference import QUESTIONS


def seed(apps, schema_editor):
    IntakeQuestion = apps.get_model("intakes", "IntakeQuestion")
    for position, (audience, text, hint, source) in enumerate(QUESTIONS, start=1):
        IntakeQuestion.objects.get_or_create(
            text=text, defaults={"audience": audience, "hint": hint, "source": source, "position": position * 10}
        )


def unseed(apps, schema_editor):
    IntakeQuestion = apps.get_model("intakes", "IntakeQuestion")
    IntakeQuestion.objects.filter(text__in=[q[1] for q in QUESTIONS], answers__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("intakes", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
