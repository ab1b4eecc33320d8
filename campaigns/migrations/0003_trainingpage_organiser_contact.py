from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_authority_and_editorial_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="trainingpage",
            name="organiser_email",
            field=models.EmailField(
                blank=True,
                help_text="Given to registrants, in the confirmation email and on the page.",
                max_length=254,
                verbose_name="organiser email",
            ),
        ),
        migrations.AddField(
            model_name="trainingpage",
            name="organiser_phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="organiser phone"),
        ),
    ]
