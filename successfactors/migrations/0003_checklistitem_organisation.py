import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("successfactors", "0002_seed_checklist"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="checklistitem",
            options={
                "ordering": ["organisation_id", "position", "pk"],
                "verbose_name": "checklist item",
                "verbose_name_plural": "checklist items",
            },
        ),
        migrations.RemoveIndex(model_name="checklistitem", name="successfact_retired_baace3_idx"),
        # Empty until 0004 gives every organisation its own catalogue; 0005 then makes it required.
        migrations.AddField(
            model_name="checklistitem",
            name="organisation",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.organisation",
                verbose_name="organisation",
            ),
        ),
    ]
