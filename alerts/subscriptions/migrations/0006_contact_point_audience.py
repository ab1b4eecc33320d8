"""Each contact point carries its subscriber's audience, and a live address is unique per
channel and audience: a citizen and a partner contact (or a test-audience member) may
share a phone number, each with their own subscription."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_audience(apps, schema_editor):
    ContactPoint = apps.get_model("subscriptions", "ContactPoint")
    Subscriber = apps.get_model("subscriptions", "Subscriber")
    ContactPoint.objects.update(
        audience=Subquery(
            Subscriber.objects.filter(pk=OuterRef("subscriber_id")).values("audience")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0005_voice_channel"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="contactpoint",
            name="subs_unique_confirmed_address",
        ),
        migrations.AddField(
            model_name="contactpoint",
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
        migrations.RunPython(copy_audience, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="contactpoint",
            constraint=models.UniqueConstraint(
                condition=models.Q(("active", True), ("confirmed_at__isnull", False)),
                fields=("channel", "address", "audience"),
                name="subs_unique_confirmed_address",
            ),
        ),
    ]
