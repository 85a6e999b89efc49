import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("intakes", "0004_each_organisation_its_questions")]

    operations = [
        migrations.AlterField(
            model_name="intakequestion",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisations.organisation",
                verbose_name="organisation",
            ),
        ),
    ]
