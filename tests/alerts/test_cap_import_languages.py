"""CAP import of warnings as MeteoAlarm and the national centre send them: several
languages beyond French and Dutch, and several <info> blocks in one language."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.cap import cap_datetime
from alerts.models import Alert, AlertState
from tests.alerts.test_cap_import import _info, _post, cap_document, token  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_meteoalarm_warning_in_four_languages_is_imported(client, token):  # noqa: F811
    document = cap_document(languages=("nl-BE", "fr-BE", "de-DE", "en-GB"))
    response = _post(client, document, token)
    assert response.status_code == 201, response.content
    alert = Alert.objects.get(identifier=response.json()["identifier"])
    assert alert.state == AlertState.SUBMITTED
    # German has no place among the portal's texts: its block is read past.
    assert set(alert.infos_by_language()) == {"fr", "nl", "en"}
    assert alert.infos.get(language="en").headline == "Titre en-GB"


def _two_periods():
    """Two French and two Dutch blocks: the same warning for tonight and for tomorrow."""
    now = timezone.now()
    later = cap_datetime(now + timedelta(hours=30))
    document = cap_document()
    second = "".join(
        _info(code, f"Demain {code}", area=True)
        .replace(f"Description {code}", f"Tomorrow {code}")
        .replace(f"Instruction {code}", f"Stay in {code}")
        .replace(
            "<expires>",
            f"<onset>{cap_datetime(now + timedelta(hours=20))}</onset><expires>",
        )
        .replace("<polygon>50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3</polygon>", "")
        .replace("21015", "21004")
        for code in ("fr-BE", "nl-BE")
    )
    second = re.sub(r"<expires>[^<]*</expires>", f"<expires>{later}</expires>", second)
    return document.replace(b"</alert>", second.encode() + b"</alert>"), later


def test_several_blocks_in_one_language_make_one_alert_over_all_of_them(client, token):  # noqa: F811
    document, later = _two_periods()
    response = _post(client, document, token)
    assert response.status_code == 201, response.content
    alert = Alert.objects.get(identifier=response.json()["identifier"])
    french = alert.infos.get(language="fr")
    assert french.headline == "Titre fr-BE"
    assert french.description == "Description fr-BE\n\nTomorrow fr-BE"
    assert french.instruction == "Instruction fr-BE\n\nStay in fr-BE"
    assert alert.infos.get(language="nl").description == "Description nl-BE\n\nTomorrow nl-BE"
    assert cap_datetime(alert.expires) == later
    assert sorted(alert.communes.values_list("pk", flat=True)) == ["21004", "21015"]


def test_a_second_block_without_expiry_is_refused(client, token):  # noqa: F811
    document = cap_document()
    second = _info("fr-BE", "Sans fin", expires=False)
    response = _post(client, document.replace(b"</alert>", second.encode() + b"</alert>"), token)
    assert response.status_code == 400
    assert "no <expires>" in response.json()["error"]
    assert not Alert.objects.exists()
