"""Alerts and subscribers share one audience vocabulary: "partners" becomes "partner"."""

from django.db import migrations, models


def partners_to_partner(apps, schema_editor):
    Alert = apps.get_model("alerts", "Alert")
    Alert.objects.filter(audience="partners").update(audience="partner")


def partner_to_partners(apps, schema_editor):
    Alert = apps.get_model("alerts", "Alert")
    Alert.objects.filter(audience="partner").update(audience="partners")


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0008_alert_kept_geocodes"),
    ]

    operations = [
        migrations.RunPython(partners_to_partner, partner_to_partners),
        migrations.AlterField(
            model_name="alert",
            name="audience",
            field=models.CharField(
                choices=[
                    ("public", "Public"),
                    ("test", "Test audience (staff and volunteers)"),
                    ("partner", "Partner network"),
                ],
                default="public",
                editable=False,
                max_length=10,
                verbose_name="audience",
            ),
        ),
    ]
