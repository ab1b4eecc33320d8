"""The pre-written templates' SMS texts: the site is named once, by the short link every
public alert's SMS ends with, not also by the template's own words."""

from importlib import import_module

import pytest
from django.apps import apps

from alerts.models import AlertTemplateText

pytestmark = pytest.mark.django_db

migration = import_module("alerts.migrations.0011_template_sms_without_site_name")


def test_no_shipped_template_sms_spends_characters_on_the_site_name():
    texts = AlertTemplateText.objects.values_list("sms_text", flat=True)
    assert texts
    assert not [text for text in texts if "lux-response.brussels" in text]


def test_existing_databases_lose_only_the_shipped_words():
    shipped, edited = AlertTemplateText.objects.filter(language="en")[:2]
    AlertTemplateText.objects.filter(pk=shipped.pk).update(
        sms_text="Stay inside. Info: lux-response.brussels"
    )
    AlertTemplateText.objects.filter(pk=edited.pk).update(
        sms_text="See lux-response.brussels for the map"
    )

    migration.drop_site_name(apps, None)

    shipped.refresh_from_db()
    edited.refresh_from_db()
    assert shipped.sms_text == "Stay inside."
    assert edited.sms_text == "See lux-response.brussels for the map"
