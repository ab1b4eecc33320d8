"""The pre-written templates' SMS texts ended with the site's name ("Infos:
lux-response.brussels"); every public alert's SMS now ends with the short link to its own
page, so the name only cost characters. Texts still ending with the shipped words lose
them; texts an editor changed are left as they are."""

import re

from django.db import migrations

SHIPPED_ENDING = re.compile(
    r" ?(Suivez les consignes|Volg de richtlijnen|Instructions|Infos|Info): "
    r"lux-response\.brussels$"
)


def drop_site_name(apps, schema_editor):
    AlertTemplateText = apps.get_model("alerts", "AlertTemplateText")
    for text in AlertTemplateText.objects.filter(sms_text__endswith=": lux-response.brussels"):
        shorter = SHIPPED_ENDING.sub("", text.sms_text)
        if shorter != text.sms_text:
            text.sms_text = shorter
            text.save(update_fields=["sms_text"])


class Migration(migrations.Migration):
    dependencies = [("alerts", "0010_import_token_signing_certificate")]

    operations = [migrations.RunPython(drop_site_name, migrations.RunPython.noop)]
