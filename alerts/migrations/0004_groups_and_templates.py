from django.db import migrations

AUTHORS = "Alert authors"
APPROVERS = "Alert approvers"


def forwards(apps, schema_editor):
    from alerts.data.templates import load_templates

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in (AUTHORS, APPROVERS):
        group, _created = Group.objects.get_or_create(name=name)
        if access_admin is not None:
            group.permissions.add(access_admin)
    load_templates(apps.get_model("alerts", "AlertTemplate"), apps.get_model("alerts", "AlertTemplateText"))


def backwards(apps, schema_editor):
    apps.get_model("alerts", "AlertTemplate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0003_alerts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
