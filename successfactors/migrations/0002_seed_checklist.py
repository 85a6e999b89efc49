"""The starting success-factor catalogue (successfactors/reference.py, which also maps every success factor
of the source documents to its items), shared by every organisation until 0004 gave each organisation its
own copy."""

from django.db import migrations

from successfactors.reference import ITEMS


def seed(apps, schema_editor):
    ChecklistItem = apps.get_model("successfactors", "ChecklistItem")
    for position, (theme, prompt, hint, source, kinds, tones) in enumerate(ITEMS.values(), start=1):
        ChecklistItem.objects.get_or_create(
            prompt=prompt,
            defaults={
                "theme": theme,
                "hint": hint,
                "source": source,
                "kinds": kinds,
                "tones": tones,
                "position": position * 10,
            },
        )


def unseed(apps, schema_editor):
    ChecklistItem = apps.get_model("successfactors", "ChecklistItem")
    ChecklistItem.objects.filter(prompt__in=[item[1] for item in ITEMS.values()], ticks__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("successfactors", "0001_initial"), ("contacts", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
