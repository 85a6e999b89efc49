"""Every organisation gets its own checklist items: the first keeps the shared ones, the others get a copy,
and the ticks on each organisation's contacts move to its copy (partnership/catalogue_migration.py)."""

from django.db import migrations

from partnership.catalogue_migration import give_every_organisation_its_catalogue
from successfactors import reference


def forwards(apps, schema_editor):
    give_every_organisation_its_catalogue(
        apps,
        model="successfactors.ChecklistItem",
        uses=[("contacts.ChecklistTick", "item", "contact__family__organisation")],
        reference=reference.entries,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("successfactors", "0003_checklistitem_organisation"),
        ("contacts", "0001_initial"),
        ("families", "0001_initial"),
    ]

    # Backwards, each organisation's copy stays as an item of its own: nothing is lost, nothing merged.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
