"""The groups the preparedness content relies on: the alert authorities (who may see the
partners' contact details) and the editorial team (Writers submit, Editors approve).

Page permissions and the moderation workflow need the listing pages, so the demo seed
(campaigns.services.editorial_workflow_setup) adds them."""

from django.db import migrations

GROUPS = ["Alert authors", "Alert approvers", "Writers", "Editors"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("campaigns", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
