import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intakes", "0002_seed_intake_questions"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="intakequestion",
            options={
                "ordering": ["organisation_id", "position", "pk"],
                "verbose_name": "intake question",
                "verbose_name_plural": "intake questions",
            },
        ),
        # Empty until 0004 gives every organisation its own questions; 0005 then makes it required.
        migrations.AddField(
            model_name="intakequestion",
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
