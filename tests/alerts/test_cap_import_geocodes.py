"""Geocodes of Belgian senders: the NUTS codes of the Brussels-Capital Region are the
whole region; codes that name no commune here are kept and republished."""

import pytest
from lxml import etree

from alerts.cap import alert_to_cap, validate_cap
from alerts.models import Alert
from tests.alerts.test_cap_import import _post, cap_document, token  # noqa: F401

pytestmark = pytest.mark.django_db
NIS = b"<geocode><valueName>NIS</valueName><value>21015</value></geocode>"


def _with_geocodes(*pairs):
    codes = "".join(
        f"<geocode><valueName>{n}</valueName><value>{v}</value></geocode>" for n, v in pairs
    )
    return cap_document().replace(NIS, codes.encode())


def _imported(client, token, document):  # noqa: F811
    response = _post(client, document, token)
    assert response.status_code == 201, response.content
    return Alert.objects.get(identifier=response.json()["identifier"])


@pytest.mark.parametrize(
    ("name", "value"), [("NUTS1", "BE1"), ("NUTS2", "BE10"), ("NUTS3", "BE100")]
)
def test_the_nuts_codes_of_the_region_are_the_whole_region(client, token, name, value):  # noqa: F811
    alert = _imported(client, token, _with_geocodes((name, value)))
    assert alert.whole_region


def test_unknown_geocodes_are_kept_and_republished(client, token):  # noqa: F811
    alert = _imported(client, token, _with_geocodes(("EMMA_ID", "BE999"), ("NUTS3", "BE241")))
    assert not alert.whole_region
    document = alert_to_cap(alert)
    assert validate_cap(document) == []
    root = etree.fromstring(document)
    ns = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}
    codes = {
        (g.findtext("cap:valueName", namespaces=ns), g.findtext("cap:value", namespaces=ns))
        for g in root.iterfind(".//cap:info[cap:language='fr-BE']//cap:geocode", ns)
    }
    assert {("EMMA_ID", "BE999"), ("NUTS3", "BE241")} <= codes
