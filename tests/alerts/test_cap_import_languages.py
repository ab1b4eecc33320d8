"""CAP import of warnings as MeteoAlarm and the national centre send them: several
languages beyond French and Dutch, and several <info> blocks in one language."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from alerts import services
from alerts.cap import alert_to_cap, cap_datetime, validate_cap
from alerts.cap_vocab import CAP_NAMESPACE
from alerts.factories import ApproverFactory, AuthorFactory
from alerts.models import Alert, AlertState
from tests.alerts.test_cap_import import _info, _post, cap_document, token  # noqa: F401
from tests.conftest import login_with_second_factor
from tests.paths import path_in

NS = {"cap": CAP_NAMESPACE}

pytestmark = pytest.mark.django_db


def test_a_meteoalarm_warning_in_four_languages_is_imported(client, token):  # noqa: F811
    document = cap_document(languages=("nl-BE", "fr-BE", "de-DE", "en-GB"))
    response = _post(client, document, token)
    assert response.status_code == 201, response.content
    alert = Alert.objects.get(identifier=response.json()["identifier"])
    assert alert.state == AlertState.SUBMITTED
    # German is kept (republished in our CAP); the portal writes and shows fr, nl, en.
    assert set(alert.infos_by_language()) == {"fr", "nl", "en", "de"}
    assert alert.infos.get(language="en").headline == "Titre en-GB"
    assert alert.infos.get(language="de").is_republished_only


def test_the_german_block_is_republished_in_our_cap_and_read_before_approval(
    client,
    token,  # noqa: F811
):
    document = cap_document(languages=("nl-BE", "fr-BE", "de-DE", "en-GB")).decode()
    document = document.replace("Titre de-DE", "<![CDATA[Unwetter <script>x</script>]]>")
    response = _post(client, document.encode(), token)
    alert = Alert.objects.get(identifier=response.json()["identifier"])

    cap = etree.fromstring(alert_to_cap(alert))
    blocks = cap.findall("cap:info", NS)
    assert [b.findtext("cap:language", namespaces=NS) for b in blocks] == [
        "fr-BE",
        "nl-BE",
        "en",
        "de",
    ]
    german = blocks[-1]
    assert german.findtext("cap:headline", namespaces=NS) == "Unwetter <script>x</script>"
    assert german.findtext("cap:web", namespaces=NS).endswith(
        path_in("en", "alerts:detail", alert.identifier)
    )
    assert not validate_cap(alert_to_cap(alert))
    # The JSON API keeps to the portal's languages; the CAP document carries the rest.
    alert.state = AlertState.SENT  # the API publishes sent alerts
    alert.save(update_fields=["state"])
    api = client.get(reverse("alerts_data:api_detail", args=[alert.identifier]))
    assert api.status_code == 200
    assert set(api.json()["info"]) == {"fr", "nl", "en"}
    alert.state = AlertState.SUBMITTED
    alert.save(update_fields=["state"])

    login_with_second_factor(client, ApproverFactory())
    page = client.get(reverse("alerts_admin:approve", args=[alert.pk])).content.decode()
    other = page.split('id="preview-other-languages"')[1].split("</section>")[0]
    assert 'lang="de"' in other
    assert "Unwetter &lt;script&gt;x&lt;/script&gt;" in other


def test_an_update_drafted_here_does_not_carry_the_partners_german_text(
    client,
    token,  # noqa: F811
):
    document = cap_document(languages=("nl-BE", "fr-BE", "de-DE"))
    alert = Alert.objects.get(identifier=_post(client, document, token).json()["identifier"])
    alert.state = AlertState.SENT
    alert.save(update_fields=["state"])

    update = services.alert_prepare_update(original=alert, user=AuthorFactory())

    assert set(update.infos_by_language()) == {"fr", "nl"}


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


@pytest.mark.parametrize(
    ("field", "french", "dutch"),
    [
        ("severity", "Extreme", "Minor"),
        ("urgency", "Immediate", "Future"),
        ("certainty", "Likely", "Possible"),
        ("category", "Met", "Fire"),
    ],
)
def test_languages_disagreeing_on_a_field_are_refused_naming_it(
    client,
    token,  # noqa: F811
    field,
    french,
    dutch,
):
    template = {"severity": "Severe", "urgency": "Immediate", "certainty": "Likely"}
    template["category"] = "Met"
    was = f"<{field}>{template[field]}</{field}>"
    head, dutch_block = cap_document().decode().rsplit("<info>", 1)
    document = (
        head.replace(was, f"<{field}>{french}</{field}>")
        + "<info>"
        + dutch_block.replace(was, f"<{field}>{dutch}</{field}>")
    )
    response = _post(client, document.encode(), token)
    assert response.status_code == 400
    assert response.json()["error"] == (
        f"The <info> blocks disagree on <{field}>: fr-BE says {french}, nl-BE says {dutch}; "
        "an alert has one."
    )
    assert not Alert.objects.exists()


def test_a_german_block_disagreeing_is_refused_too(client, token):  # noqa: F811
    document = cap_document(languages=("fr-BE", "nl-BE", "de-DE")).decode()
    head, german = document.rsplit("<info>", 1)
    german = german.replace("<severity>Severe</severity>", "<severity>Moderate</severity>")
    response = _post(client, f"{head}<info>{german}".encode(), token)
    assert response.status_code == 400
    assert "de-DE says Moderate" in response.json()["error"]


@pytest.mark.parametrize(
    ("polygon", "reason"),
    [
        (
            "50.83,4.36 50.82,4.38 50.83,4.38 50.82,4.36 50.83,4.36",
            "A polygon's edges cross each other near 50.825,4.37",
        ),
        (
            "50.83,4.36 50.83,4.38 50.83,4.38 50.82,4.38 50.83,4.36",
            "repeats the point 50.83,4.38 twice in a row",
        ),
        (
            "4.36,50.83 4.38,50.83 4.38,50.82 4.36,50.82 4.36,50.83",
            "looks like latitude and longitude are swapped",
        ),
    ],
)
def test_a_bad_polygon_in_the_dutch_block_is_refused(client, token, polygon, reason):  # noqa: F811
    document = cap_document().decode()
    good = "50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3"
    head, dutch = document.rsplit(good, 1)
    response = _post(client, f"{head}{polygon}{dutch}".encode(), token)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert not Alert.objects.exists()


def test_a_blank_area_description_in_the_dutch_block_is_refused(client, token):  # noqa: F811
    head, dutch = cap_document().decode().rsplit("<areaDesc>Zone</areaDesc>", 1)
    response = _post(client, f"{head}<areaDesc>\n  </areaDesc>{dutch}".encode(), token)
    assert response.status_code == 400
    assert (
        "The nl <info> has an <area> without text in its <areaDesc>" in (response.json()["error"])
    )
