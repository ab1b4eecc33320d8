from datetime import timedelta
from xml.sax.saxutils import escape

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alerts import services
from alerts.cap import cap_datetime, validate_cap
from alerts.cap_import import CapImportError, parse_cap
from alerts.factories import SentAlertFactory, UserFactory
from alerts.models import Alert, AlertState, ImportToken
from alerts.outgoing import alert_fingerprint

pytestmark = pytest.mark.django_db


def _info(language, headline, area=True, expires=True):
    expiry = cap_datetime(timezone.now() + timedelta(hours=3))
    return f"""
  <info>
    <language>{language}</language>
    <category>Met</category>
    <event>Flood</event>
    <responseType>Avoid</responseType>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    {f"<expires>{expiry}</expires>" if expires else ""}
    <headline>{headline}</headline>
    <description>Description {language}</description>
    <instruction>Instruction {language}</instruction>
    <parameter><valueName>SMS</valueName><value>SMS {language}</value></parameter>
    {
        '''<area><areaDesc>Zone</areaDesc>
      <polygon>50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3</polygon>
      <geocode><valueName>NIS</valueName><value>21015</value></geocode></area>'''
        if area
        else ""
    }
  </info>"""


def cap_document(
    *,
    namespace="urn:oasis:names:tc:emergency:cap:1.2",
    languages=("fr-BE", "nl-BE"),
    status="Actual",
    msg_type="Alert",
    references="",
    area=True,
    expires=True,
    omit="",
):
    infos = "".join(_info(code, f"Titre {code}", area, expires) for code in languages)
    fields = {
        "identifier": "PARTNER-1",
        "sender": "partner@example.invalid",
        "sent": cap_datetime(timezone.now()),
        "status": status,
        "msgType": msg_type,
        "scope": "Public",
    }
    head = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items() if k != omit)
    refs = f"<references>{references}</references>" if references else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="{namespace}">{head}{refs}'
        f"{infos}</alert>"
    ).encode()


def _with_polygon(polygon: str) -> bytes:
    # Every language draws the same area (a document whose languages disagree is refused).
    return cap_document().replace(b"50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3", polygon.encode())


def _with_area(extra: str) -> bytes:
    """The document with one more shape in the French area (after its polygon)."""
    return cap_document().replace(b"</polygon>", f"</polygon>{extra}".encode(), 1)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol9;</identifier></alert>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>"""


@pytest.fixture
def token(db):
    user = UserFactory(username="partner-system", groups=["Alert authors"])
    _token, raw = ImportToken.issue(name="Partner", user=user)
    return raw


def _post(client, body, token):
    return client.post(
        "/api/alerts/import",
        data=body,
        content_type="application/cap+xml",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_the_test_document_is_valid_cap():
    assert validate_cap(cap_document()) == []


def test_a_valid_document_becomes_a_submitted_alert_awaiting_approval(client, token):
    response = _post(client, cap_document(languages=("fr-BE", "nl-BE", "en-GB")), token)
    assert response.status_code == 201, response.content
    alert = Alert.objects.get(identifier=response.json()["identifier"])
    assert alert.state == AlertState.SUBMITTED
    assert set(alert.infos_by_language()) == {"fr", "nl", "en"}
    assert alert.infos.get(language="nl").sms_text == "SMS nl-BE"
    assert list(alert.communes.values_list("pk", flat=True)) == ["21015"]
    assert alert.polygons.startswith("50.8,4.3")
    assert alert.external_reference.startswith("partner@example.invalid,PARTNER-1,")
    # The token's account authored and submitted it: it cannot approve it.
    with pytest.raises(services.AlertPermissionDenied):
        services.alert_approve(
            alert=alert, user=alert.created_by, fingerprint=alert_fingerprint(alert)
        )


def test_a_polygon_and_a_circle_over_ixelles_are_imported(client, token):
    polygon = "50.8275,4.3700 50.8275,4.3760 50.8225,4.3760 50.8225,4.3700 50.8275,4.3700"
    document = _with_polygon(polygon).replace(
        b"</polygon>", b"</polygon><circle>50.8272,4.3717 1.5</circle>"
    )
    response = _post(client, document, token)
    assert response.status_code == 201, response.content
    alert = Alert.objects.get(identifier=response.json()["identifier"])
    assert (alert.polygons, alert.circles) == (polygon, "50.8272,4.3717 1.5")


def test_no_or_wrong_token_is_refused(client, token):
    assert _post(client, cap_document(), "wrong").status_code == 401
    assert (
        client.post("/api/alerts/import", data=cap_document(), content_type="text/xml").status_code
        == 401
    )
    assert not Alert.objects.exists()


def test_only_the_hash_of_a_token_is_stored(token):
    assert not ImportToken.objects.filter(token_hash=token).exists()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (BILLION_LAUGHS, "Entity declaration 'lol' refused"),
        (XXE, "External entity 'xxe' (file:///etc/passwd) refused"),
        (cap_document(namespace="urn:oasis:names:tc:emergency:cap:1.1"), "CAP 1.2 namespace"),
        (cap_document(omit="sender"), "Not valid CAP 1.2"),
        (cap_document(languages=("fr-BE", "en")), "missing: nl"),
        (cap_document(languages=("nl-BE",)), "missing: fr"),
        (cap_document(status="Draft"), "Status Draft is not accepted"),
        (cap_document(area=False), "no usable <area>"),
        (cap_document(expires=False), "no <expires>"),
        (cap_document(msg_type="Update"), "must carry <references>"),
        (
            cap_document(msg_type="Cancel", references="x,UNKNOWN,2026-01-01T00:00:00+01:00"),
            "unknown here",
        ),
        (
            cap_document().replace(b"50.9,4.4 50.8,4.3</polygon>", b"50.9,4.4</polygon>"),
            "Each polygon needs at least four",
        ),
        (cap_document().replace(b"<value>21015", b"<value>99999"), "Geocode NIS '99999'"),
        (_with_polygon("99,999 1,1 2,2 99,999"), "A latitude lies between -90 and 90"),
        (
            _with_polygon("50.83,4.36 50.82,4.38 50.83,4.38 50.82,4.36 50.83,4.36"),
            "A polygon's edges cross each other near 50.825,4.37",
        ),
        (
            _with_polygon("4.36,50.83 4.38,50.83 4.38,50.82 4.36,50.82 4.36,50.83"),
            "looks like latitude and longitude are swapped",
        ),
        (
            _with_polygon("50.83,4.36 50.83,4.38 50.83,4.38 50.82,4.38 50.83,4.36"),
            "repeats the point 50.83,4.38 twice in a row",
        ),
        (
            _with_area("<circle>50.8272,4.3717 999999999</circle>"),
            "radius is more than 0 and at most 50 km: 50.8272,4.3717 999999999",
        ),
        (_with_area("<circle>4.3717,50.8272 1.5</circle>"), "swapped"),
        (
            cap_document().replace(b"<areaDesc>Zone</areaDesc>", b"<areaDesc>  </areaDesc>", 1),
            "<area> needs an <areaDesc>",
        ),
        (b"<alert", "Not well-formed XML"),
        (b"", "empty"),
    ],
)
def test_invalid_documents_get_a_400_with_the_reason_and_create_nothing(
    client, token, body, reason
):
    response = _post(client, body, token)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert not Alert.objects.exists()


def test_an_imported_cancel_of_a_sent_alert_joins_its_timeline(client, token):
    original = SentAlertFactory()
    reference = f"{original.sender},{original.identifier},{cap_datetime(original.sent)}"
    response = _post(client, cap_document(msg_type="Cancel", references=reference), token)
    assert response.status_code == 201, response.content
    cancel = Alert.objects.get(identifier=response.json()["identifier"])
    assert cancel.references == original and cancel.thread_root == original


def _mutations():
    base = cap_document().decode()
    return st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(str.encode),
        st.tuples(st.integers(0, len(base)), st.integers(0, 40), st.text(max_size=20)).map(
            lambda t: (base[: t[0]] + t[2] + base[t[0] + t[1] :]).encode()
        ),
        st.tuples(st.integers(0, len(base)), st.integers(1, 200)).map(
            lambda t: (base[: t[0]] + base[t[0] + t[1] :]).encode()
        ),
        st.sampled_from(["Actual", "Exercise", "Test", "System", "X"]).flatmap(
            lambda status: st.lists(
                st.sampled_from(["fr", "fr-BE", "nl", "nl-BE", "en", "de", ""]),
                max_size=4,
            ).map(lambda langs: cap_document(status=status, languages=tuple(langs)))
        ),
    )


def _generated_documents():
    """Well-formed CAP documents with arbitrary (escaped) texts and vocabulary values."""
    text = st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=60,
    ).map(lambda value: escape("".join(c for c in value if c.isprintable() or c in "\n\t")))
    return st.builds(
        lambda headline, event, urgency, geocode, polygon: (
            cap_document()
            .replace(b"Titre fr-BE", headline.encode())
            .replace(b"<event>Flood</event>", f"<event>{event}</event>".encode(), 1)
            .replace(b"<urgency>Immediate</urgency>", f"<urgency>{urgency}</urgency>".encode(), 1)
            .replace(b"<value>21015</value>", f"<value>{geocode}</value>".encode(), 1)
            .replace(b"50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3", polygon.encode(), 1)
        ),
        text,
        text,
        st.sampled_from(["Immediate", "Expected", "Soon", ""]),
        st.sampled_from(["21015", "04000", "99999", "", "abc"]),
        st.one_of(text, st.just("50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=st.one_of(_mutations(), _generated_documents()))
def test_the_parser_never_fails_with_an_unhandled_exception(document):
    try:
        parsed = parse_cap(document)
    except CapImportError as error:
        assert str(error)
    else:
        assert set(parsed.infos) >= {"fr", "nl"}


def test_the_same_message_posted_twice_creates_one_alert(client, token):
    document = cap_document()
    first = _post(client, document, token)
    second = _post(client, document, token)
    assert (first.status_code, second.status_code) == (201, 409)
    assert second.json()["identifier"] == first.json()["identifier"]
    assert Alert.objects.count() == 1


def test_a_token_of_an_account_outside_the_authors_group_is_refused(client):
    _token, raw = ImportToken.issue(name="Former partner", user=UserFactory(username="former"))
    response = _post(client, cap_document(), raw)
    assert response.status_code == 403
    assert "Alert authors" in response.json()["error"]
    assert not Alert.objects.exists()
