"""The commune boundaries shipped as data: complete, well formed, and where they belong."""

import json
import math
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.ops import unary_union

import alerts.data
from alerts.data.communes import COMMUNES

COMMUNES_GEOJSON = Path(alerts.data.__file__).parent / "communes.geojson"
CENTRE_TOLERANCE_KM = 0.5
KM_PER_DEGREE_LATITUDE = 110.574


def km_per_degree_longitude(latitude: float) -> float:
    return 111.320 * math.cos(math.radians(latitude))


def area_km2(geometry) -> float:
    """Area in a local plane: degrees of longitude shrink with the cosine of the latitude."""
    scale = (km_per_degree_longitude(geometry.centroid.y), KM_PER_DEGREE_LATITUDE)
    return shapely.transform(geometry, lambda coords: coords * scale).area


@pytest.fixture(scope="module")
def features():
    return json.loads(COMMUNES_GEOJSON.read_text(encoding="utf-8"))["features"]


def _rings(geometry):
    polygons = [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def test_nineteen_communes_each_nis_code_once(features):
    codes = [feature["properties"]["nis"] for feature in features]
    assert sorted(codes) == [f"210{number:02d}" for number in range(1, 20)]


def test_names_match_the_commune_register(features):
    names = {
        f["properties"]["nis"]: (f["properties"]["name_fr"], f["properties"]["name_nl"])
        for f in features
    }
    assert names == {code: (name_fr, name_nl) for code, name_fr, name_nl, *_rest in COMMUNES}


def test_rings_are_closed_and_shapes_valid(features):
    for feature in features:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for ring in _rings(feature["geometry"]):
            assert len(ring) >= 4 and ring[0] == ring[-1], feature["properties"]["nis"]
            assert all(len(str(value).split(".")[-1]) <= 5 for point in ring for value in point)
        assert shape(feature["geometry"]).is_valid, feature["properties"]["nis"]


def test_each_commune_centre_lies_in_its_polygon(features):
    shapes = {f["properties"]["nis"]: shape(f["geometry"]) for f in features}
    for code, name, _nl, _postcodes, (latitude, longitude) in COMMUNES:
        centre = Point(longitude, latitude)
        distance_km = shapes[code].distance(centre) * km_per_degree_longitude(latitude)
        assert distance_km <= CENTRE_TOLERANCE_KM, f"{name}: centre {distance_km:.2f} km away"


def test_the_union_is_one_area_the_size_of_the_region(features):
    region = unary_union([shape(feature["geometry"]) for feature in features])
    assert region.geom_type == "Polygon"  # one connected area
    assert 140 <= area_km2(region) <= 180  # the region measures 161.4 km²


def test_the_file_stays_small():
    assert COMMUNES_GEOJSON.stat().st_size <= 60 * 1024
