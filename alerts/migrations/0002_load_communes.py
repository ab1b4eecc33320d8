from django.db import migrations


def load_communes(apps, schema_editor):
    from alerts.data.communes import COMMUNES

    Commune = apps.get_model("alerts", "Commune")
    for nis_code, name_fr, name_nl, postcodes, (lat, lon) in COMMUNES:
        Commune.objects.update_or_create(
            nis_code=nis_code,
            defaults={
                "name_fr": name_fr,
                "name_nl": name_nl,
                "postcodes": postcodes,
                "latitude": lat,
                "longitude": lon,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]

    operations = [migrations.RunPython(load_communes, migrations.RunPython.noop)]
