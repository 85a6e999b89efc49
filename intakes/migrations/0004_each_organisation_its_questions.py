"""Every organisation gets its own intake questions: the first keeps the shared ones, the others get a copy,
and the answers of each organisation's intakes move to its copy (partnership/catalogue_migration.py)."""

from django.db import migrations

from intakes import reference
from partnership.catalogue_migration import give_every_organisation_its_catalogue


def forwards(apps, schema_editor):
    give_every_organisation_its_catalogue(
        apps,
        model="intakes.IntakeQuestion",
        uses=[("intakes.IntakeAnswer", "question", "intake__family__organisation")],
        reference=reference.entries,
    )


class Migration(migrations.Migration):
    dependencies = [("intakes", "0003_intakequestion_organisation"), ("families", "0001_initial")]

    # Backwards, each organisation's copy stays as a question of its own: nothing is lost, nothing merged.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
