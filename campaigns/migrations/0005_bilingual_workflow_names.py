"""Workflow and task names in both languages of the region.

Wagtail shows these names as stored (page editor, dashboard, emails, histories), so each
reads in French and Dutch: ours ("Campaigns and guides review", "Editors approve") and the
default that Wagtail's own migrations create ("Moderators approval", workflow and task).
A name an administrator has changed since is left alone.
"""

from django.db import migrations

WORKFLOWS = {
    "Campaigns and guides review": "Relecture campagnes et guides / Nazicht campagnes en gidsen",
    "Moderators approval": "Approbation des modérateurs / Goedkeuring door de moderatoren",
}
TASKS = {
    "Editors approve": "Approbation par la rédaction / Goedkeuring door de redactie",
    "Moderators approval": "Approbation des modérateurs / Goedkeuring door de moderatoren",
}


def _rename(apps, names):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for model, mapping in ((Workflow, WORKFLOWS), (Task, TASKS)):
        for old, new in names(mapping):
            model.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, lambda mapping: mapping.items())


def backwards(apps, schema_editor):
    _rename(apps, lambda mapping: ((new, old) for old, new in mapping.items()))


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_householdplanpage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
