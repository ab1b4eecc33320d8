"""<event> in each <info> block's own language, in the CAP documents we publish."""

import pytest
from django.utils import translation
from lxml import etree

from alerts.cap import alert_to_cap, validate_cap
from alerts.cap_vocab import Category
from alerts.factories import SentAlertFactory
from alerts.models import Alert
from tests.alerts.test_cap_import import _post, cap_document, token  # noqa: F401

pytestmark = pytest.mark.django_db
NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}


def _events(alert):
    document = alert_to_cap(alert)
    assert validate_cap(document) == []
    root = etree.fromstring(document)
    return {
        info.findtext("cap:language", namespaces=NS): info.findtext("cap:event", namespaces=NS)
        for info in root.iterfind("cap:info", NS)
    }


def test_an_imported_warning_keeps_each_language_event(client, token):  # noqa: F811
    document = cap_document(languages=("fr-BE", "nl-BE", "en-GB"))
    document = document.replace(b"<event>Flood</event>", b"<event>Inondation</event>", 1)
    document = document.replace(b"<event>Flood</event>", b"<event>Overstroming</event>", 1)
    response = _post(client, document, token)
    assert response.status_code == 201, response.content
    alert = Alert.objects.get(identifier=response.json()["identifier"])
    events = _events(alert)
    assert (events["fr-BE"], events["nl-BE"], events["en"]) == (
        "Inondation",
        "Overstroming",
        "Flood",
    )


def test_a_text_without_its_own_event_names_the_category_in_its_language():
    alert = SentAlertFactory(event="Chemical release", category=Category.CBRNE)
    alert.infos.update(event="")
    events = _events(alert)
    assert events["en"] == "Chemical release"
    for code, language in (("fr-BE", "fr"), ("nl-BE", "nl")):
        assert events[code] != "Chemical release"
        with translation.override(language):
            assert events[code] == str(Category.CBRNE.label)
