"""CAP polygons and circles: every refusal names its reason and the line it refuses."""

import pytest
from django.utils import translation
from shapely.geometry import Point

from alerts import geometry

# Around the Ixelles ponds, well inside the region.
IXELLES_POLYGON = "50.8275,4.3700 50.8275,4.3760 50.8225,4.3760 50.8225,4.3700 50.8275,4.3700"
IXELLES_CIRCLE = "50.8272,4.3717 1.5"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_a_polygon_and_a_circle_over_ixelles_are_accepted():
    assert geometry.validate_polygons(IXELLES_POLYGON) == []
    assert geometry.validate_circles(IXELLES_CIRCLE) == []
    polygon = geometry.parse_polygon(IXELLES_POLYGON)
    assert polygon.contains(Point(4.373, 50.825))  # x is the longitude
    circle = geometry.parse_circle(IXELLES_CIRCLE)
    assert (circle.latitude, circle.longitude, circle.radius_km) == (50.8272, 4.3717, 1.5)
    assert 6.9 < geometry.area_km2(circle.polygon) < 7.1  # π × 1.5²


# (shape, the words its refusal must contain)
INVALID_POLYGONS = [
    ("99,999 1,1 2,2 99,999", "A latitude lies between -90 and 90"),
    ("50.83,4.36 50.83,4.38 50.82,4.38", "at least four 'lat,lon' pairs"),
    ("50.83,4.36 50.83,4.38 50.82,4.38 50.82,4.36", "not closed"),
    ("50.83,4.36 50.83,4.38 50.83,4.38 50.82,4.38 50.83,4.36", "repeats the point 50.83,4.38"),
    (  # bow-tie
        "50.83,4.36 50.82,4.38 50.83,4.38 50.82,4.36 50.83,4.36",
        "edges cross each other near 50.825,4.37",
    ),
    (  # latitude and longitude swapped: near the Horn of Africa
        "4.36,50.83 4.38,50.83 4.38,50.82 4.36,50.82 4.36,50.83",
        "looks like latitude and longitude are swapped",
    ),
    ("48.85,2.35 48.86,2.35 48.86,2.36 48.85,2.35", "outside the Brussels-Capital Region"),
    ("50.8;4.3 50.9;4.3 50.9;4.4 50.8;4.3", "Each point is 'latitude,longitude'"),
    ("nan,4.3 50.9,4.3 50.9,4.4 nan,4.3", "Each point is 'latitude,longitude'"),
]


@pytest.mark.parametrize(("line", "reason"), INVALID_POLYGONS)
def test_invalid_polygons_are_refused_with_their_reason_and_line(line, reason):
    (problem,) = geometry.validate_polygons(line)
    assert reason in problem
    assert line[:40] in problem


INVALID_CIRCLES = [
    ("50.8272,4.3717 999999999", "radius is more than 0 and at most 50 km"),
    ("50.8272,4.3717 0", "radius is more than 0"),
    ("50.8272,4.3717 -2", "radius is more than 0"),
    ("50.8272,4.3717", "Each circle is 'lat,lon radius'"),
    ("4.3717,50.8272 1.5", "looks like latitude and longitude are swapped"),
    ("51.2194,4.4025 2", "outside the Brussels-Capital Region"),  # Antwerp
    ("95,4.37 1", "A latitude lies between -90 and 90"),
]


@pytest.mark.parametrize(("line", "reason"), INVALID_CIRCLES)
def test_invalid_circles_are_refused_with_their_reason_and_line(line, reason):
    (problem,) = geometry.validate_circles(line)
    assert reason in problem and line in problem


def test_a_shape_just_outside_the_boundary_is_accepted():
    # Sint-Genesius-Rode, about 1 km south of Uccle's boundary.
    assert geometry.validate_circles("50.7545,4.3640 0.3") == []
    # Halle, 10 km out: refused.
    assert geometry.validate_circles("50.7350,4.2380 0.3") != []


def test_each_refused_line_is_reported_and_long_lines_are_cut():
    far = " ".join(f"48.{n:04d},2.{n:04d}" for n in range(1, 40)) + " 48.0001,2.0001"
    problems = geometry.validate_polygons(f"{IXELLES_POLYGON}\n{far}\n99,1 1,1 2,2 99,1")
    assert len(problems) == 2
    assert "…" in problems[0] and len(problems[0]) < 250


def test_too_many_vertices_are_refused_with_an_offer_to_simplify():
    line = _circle_as_polygon(vertices=geometry.MAX_POLYGON_VERTICES + 100)
    (problem,) = geometry.validate_polygons(line)
    assert "600 points" in problem and "Simplify its outline" in problem


def test_simplify_polygon_fits_the_limit_and_keeps_the_shape():
    line = _circle_as_polygon(vertices=2000)
    simplified = geometry.simplify_polygon(line, max_vertices=100)
    pairs = simplified.split(" ")
    assert len(pairs) - 1 <= 100 and pairs[0] == pairs[-1]
    assert geometry.validate_polygons(simplified) == []
    before = geometry.parse_polygon(line, max_vertices=None)
    after = geometry.parse_polygon(simplified)
    assert abs(geometry.area_km2(after) / geometry.area_km2(before) - 1) < 0.01
    # A short polygon comes back as it was.
    unchanged = geometry.simplify_polygon(IXELLES_POLYGON)
    assert geometry.parse_polygon(unchanged).equals_exact(
        geometry.parse_polygon(IXELLES_POLYGON), 1e-9
    )


def test_parsing_helpers_keep_valid_lines_only():
    assert len(geometry.polygons(f"{IXELLES_POLYGON}\n99,1 1,1 2,2 99,1")) == 1
    assert [c.to_cap() for c in geometry.circles(f"{IXELLES_CIRCLE}\n1,1 0")] == [IXELLES_CIRCLE]


def test_messages_speak_the_readers_language():
    with translation.override("fr"):
        (problem,) = geometry.validate_circles("50.8272,4.3717 0")
    assert "rayon" in problem


def _circle_as_polygon(*, vertices: int) -> str:
    circle = geometry.Circle(50.8272, 4.3717, 1.0)
    ring = circle.polygon.exterior.segmentize(0.00001)  # densified to many points
    coords = list(ring.coords)[:-1]
    step = len(coords) / vertices
    picked = [coords[int(i * step)] for i in range(vertices)]
    picked.append(picked[0])
    return " ".join(f"{lat:.6f},{lon:.6f}" for lon, lat in picked)
