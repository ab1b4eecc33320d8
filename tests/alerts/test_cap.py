import pytest
from lxml import etree

from alerts.cap import alert_to_cap, cap_schema, validate_cap
from alerts.cap_vocab import CAP_NAMESPACE, MsgType, Status
from alerts.factories import AlertFactory, SentAlertFactory

pytestmark = pytest.mark.django_db
NS = {"cap": CAP_NAMESPACE}


def _parse(xml: bytes):
    return etree.fromstring(xml)


def test_a_sent_alert_validates_against_the_official_schema():
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3", circles="50.85,4.35 2")
    xml = alert_to_cap(alert)
    assert validate_cap(xml) == []
    assert cap_schema().validate(_parse(xml))


def test_one_info_per_language_french_first_with_nis_geocodes_and_shapes():
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3", area=["21009"])
    root = _parse(alert_to_cap(alert))
    assert [e.text for e in root.findall("cap:info/cap:language", NS)] == ["fr-BE", "nl-BE", "en"]
    fr_area = root.find("cap:info/cap:area", NS)
    assert fr_area.findtext("cap:areaDesc", namespaces=NS) == "Ixelles"
    assert fr_area.findtext("cap:geocode/cap:value", namespaces=NS) == "21009"
    assert fr_area.findtext("cap:polygon", namespaces=NS).startswith("50.8,4.3")
    nl_area = root.findall("cap:info", NS)[1].find("cap:area", NS)
    assert nl_area.findtext("cap:areaDesc", namespaces=NS) == "Elsene"


def test_whole_region_is_geocode_04000():
    alert = SentAlertFactory(whole_region=True)
    root = _parse(alert_to_cap(alert))
    assert root.findtext("cap:info/cap:area/cap:geocode/cap:value", namespaces=NS) == "04000"


def test_exercise_headlines_and_note_carry_the_marker():
    alert = SentAlertFactory(status=Status.EXERCISE)
    xml = alert_to_cap(alert)
    assert validate_cap(xml) == []
    root = _parse(xml)
    assert root.findtext("cap:status", namespaces=NS) == "Exercise"
    assert root.findtext("cap:note", namespaces=NS) == "EXERCICE / OEFENING / EXERCISE"
    for headline in root.findall("cap:info/cap:headline", NS):
        assert headline.text.startswith("EXERCICE / OEFENING / EXERCISE")


def test_update_references_the_original_message():
    original = SentAlertFactory()
    update = SentAlertFactory(msg_type=MsgType.UPDATE, references=original, thread_root=original)
    xml = alert_to_cap(update)
    assert validate_cap(xml) == []
    references = _parse(xml).findtext("cap:references", namespaces=NS)
    sender, identifier, sent = references.split(",")
    assert identifier == original.identifier
    assert sent.endswith(("+01:00", "+02:00"))


def test_sent_time_has_cap_form_and_a_draft_preview_still_validates():
    draft = AlertFactory()
    xml = alert_to_cap(draft)
    assert validate_cap(xml) == []
    sent = _parse(xml).findtext("cap:sent", namespaces=NS)
    assert "." not in sent and not sent.endswith("Z")


def test_validation_reports_schema_errors():
    xml = alert_to_cap(SentAlertFactory()).replace(b"<status>Actual", b"<status>Real")
    errors = validate_cap(xml)
    assert errors and "status" in errors[0]
