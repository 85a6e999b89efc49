import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("successfactors", "0004_each_organisation_its_checklist")]

    operations = [
        migrations.AlterField(
            model_name="checklistitem",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AddIndex(
            model_name="checklistitem",
            index=models.Index(
                fields=["organisation", "retired_on", "position"], name="successfact_organis_ab30d2_idx"
            ),
        ),
    ]
