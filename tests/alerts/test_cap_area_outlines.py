"""Our CAP documents draw each commune of an alert (and the whole region) as <polygon>s
beside the NIS <geocode>s, for consumers that do not know Belgian NIS codes."""

import pytest
from lxml import etree
from shapely.geometry import Point

from alerts import geometry
from alerts.cap import alert_to_cap, validate_cap
from alerts.factories import SentAlertFactory

pytestmark = pytest.mark.django_db
NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}


def _french_area(alert):
    document = alert_to_cap(alert)
    assert validate_cap(document) == []
    root = etree.fromstring(document)
    return root.find("cap:info[cap:language='fr-BE']/cap:area", NS), len(document)


def _polygons(area):
    return [geometry.parse_polygon(element.text) for element in area.iterfind("cap:polygon", NS)]


def test_each_commune_of_the_alert_is_drawn_next_to_its_nis_code():
    area, size = _french_area(SentAlertFactory(area=["21009", "21015"]))
    codes = [value.text for value in area.iterfind("cap:geocode/cap:value", NS)]
    assert codes == ["21009", "21015"]
    polygons = _polygons(area)
    assert len(polygons) == 3  # Ixelles is drawn in two parts
    # A point inside Schaerbeek (21015) and one in Ixelles (21009) are covered.
    for lon, lat in ((4.3936, 50.8676), (4.3670, 50.8270)):
        assert any(polygon.contains(Point(lon, lat)) for polygon in polygons), (lon, lat)
    # Outside both: the Grand-Place (Brussels, 21004).
    assert not any(polygon.contains(Point(4.3525, 50.8467)) for polygon in polygons)
    assert size < 20_000


def test_the_whole_region_is_drawn_as_its_outline():
    area, size = _french_area(SentAlertFactory(whole_region=True))
    polygons = _polygons(area)
    assert polygons and any(p.contains(Point(4.3525, 50.8467)) for p in polygons)
    assert size < 20_000
