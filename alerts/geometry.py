"""The shapes of an alert's area: CAP polygons and circles, parsed and checked in one place.

The composer (`Alert.clean`) and the CAP import both call `validate_polygons` and
`validate_circles`, so a shape refused in one is refused in the other, for the same reason.
CAP writes points as "latitude,longitude" separated by spaces, a polygon's first point
repeated as its last, a circle as "latitude,longitude radius" with the radius in km.

Shapes are returned as shapely geometries in degrees (x = longitude, y = latitude). Lengths
and buffers are computed in a local plane around Brussels (kilometres east and north of a
reference point): at the scale of the region the error is far below a metre.

The region is the union of the 19 commune boundaries (data/communes.geojson, see
data/COMMUNES_SOURCE.md) widened by REGION_BUFFER_KM: a shape must touch it.
"""

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import shapely
from django.utils.translation import gettext as _
from shapely.geometry import Point, Polygon, shape
from shapely.ops import unary_union

COMMUNES_GEOJSON = Path(__file__).parent / "data" / "communes.geojson"
#: A circle wider than this is not a local warning: use the whole region or communes.
MAX_CIRCLE_RADIUS_KM = 50
#: CAP receivers (cell broadcast centres, sirens, apps) struggle with longer polygons.
MAX_POLYGON_VERTICES = 500
#: A shape may lie this far outside the region's boundary and still be accepted.
REGION_BUFFER_KM = 2
#: How much of a refused line a message quotes.
QUOTED_CHARACTERS = 80

# Local plane: kilometres per degree around the middle of the region.
_REFERENCE_LATITUDE = 50.84
_KM_PER_DEGREE_LATITUDE = 110.574
_KM_PER_DEGREE_LONGITUDE = 111.320 * math.cos(math.radians(_REFERENCE_LATITUDE))
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_VALIDITY_POINT = re.compile(r"\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\]")


class AreaError(ValueError):
    """A shape is refused; str() is the reason, in the active language."""


@dataclass(frozen=True)
class Circle:
    latitude: float
    longitude: float
    radius_km: float

    def to_cap(self) -> str:
        return f"{_number(self.latitude)},{_number(self.longitude)} {_number(self.radius_km)}"

    @property
    def local_shape(self):
        """The disc in the local plane (km)."""
        centre = to_local(Point(self.longitude, self.latitude))
        return centre.buffer(self.radius_km, quad_segs=16)

    @property
    def polygon(self) -> Polygon:
        """The disc as a polygon in degrees (a 64-sided approximation)."""
        return to_degrees(self.local_shape)


# --- the local plane --------------------------------------------------------------


_KM_PER_DEGREE = (_KM_PER_DEGREE_LONGITUDE, _KM_PER_DEGREE_LATITUDE)


def _to_km(coords):
    return coords * _KM_PER_DEGREE


def _to_degrees(coords):
    return coords / _KM_PER_DEGREE


def to_local(geometry):
    """Degrees (longitude, latitude) to kilometres in the local plane."""
    return shapely.transform(geometry, _to_km)


def to_degrees(geometry):
    """Kilometres in the local plane back to degrees (longitude, latitude)."""
    return shapely.transform(geometry, _to_degrees)


def area_km2(geometry) -> float:
    return to_local(geometry).area


# --- the region ----------------------------------------------------------------------


@cache
def commune_shapes() -> dict[str, dict]:
    """NIS code -> {"name_fr", "name_nl", "shape"} (shape in degrees), from the GeoJSON."""
    collection = json.loads(COMMUNES_GEOJSON.read_text(encoding="utf-8"))
    return {
        feature["properties"]["nis"]: {
            "name_fr": feature["properties"]["name_fr"],
            "name_nl": feature["properties"]["name_nl"],
            "shape": shape(feature["geometry"]),
        }
        for feature in collection["features"]
    }


@cache
def region():
    """The Brussels-Capital Region (union of the communes), in degrees."""
    return unary_union([commune["shape"] for commune in commune_shapes().values()])


# Commune outlines republished as CAP <polygon>s are simplified to this many degrees
# (about 35 m east-west, 55 m north-south here): 7 to 111 points a commune, about
# 10.5 KB of text for all 19, 2.1 KB (127 points) for the region's outline.
CAP_POLYGON_TOLERANCE = 0.0005


def _cap_rings(geometry) -> list[str]:
    simple = geometry.simplify(CAP_POLYGON_TOLERANCE, preserve_topology=True)
    parts = getattr(simple, "geoms", [simple])
    # CAP polygons have no holes: the outer ring of each part.
    return [
        " ".join(f"{_number(lat)},{_number(lon)}" for lon, lat in part.exterior.coords)
        for part in parts
        if not part.is_empty
    ]


@cache
def commune_cap_polygons(nis_code: str) -> tuple[str, ...]:
    """A commune's outline as CAP polygons ('lat,lon …', closed), simplified."""
    commune = commune_shapes().get(nis_code)
    return tuple(_cap_rings(commune["shape"])) if commune else ()


@cache
def region_cap_polygons() -> tuple[str, ...]:
    """The region's outline as CAP polygons, simplified."""
    return tuple(_cap_rings(region()))


@cache
def _accepted_zone():
    """The region widened by REGION_BUFFER_KM, in the local plane, prepared for tests."""
    zone = to_local(region()).buffer(REGION_BUFFER_KM)
    shapely.prepare(zone)
    return zone


def touches_region(geometry) -> bool:
    """Whether a shape in degrees (or a Circle) lies in or near the region."""
    local = geometry.local_shape if isinstance(geometry, Circle) else to_local(geometry)
    return _accepted_zone().intersects(local)


# --- parsing -------------------------------------------------------------------------


def _quote(line: str) -> str:
    return line if len(line) <= QUOTED_CHARACTERS else line[:QUOTED_CHARACTERS] + "…"


def _number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _point(text: str, line: str) -> tuple[float, float]:
    """One "latitude,longitude" pair, checked for form and range."""
    parts = text.split(",")
    if len(parts) != 2 or not all(_NUMBER.match(part) for part in parts):
        raise AreaError(
            _(
                "Each point is 'latitude,longitude' in decimal degrees (such as 50.84,4.36): "
                "%(line)s"
            )
            % {"line": _quote(line)}
        )
    latitude, longitude = float(parts[0]), float(parts[1])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise AreaError(
            _(
                "A latitude lies between -90 and 90 and a longitude between -180 and 180 "
                "(%(point)s): %(line)s"
            )
            % {"point": text, "line": _quote(line)}
        )
    return latitude, longitude


def _swapped(geometry):
    return shapely.transform(geometry, lambda coords: coords[:, ::-1])


def _check_in_region(geometry, line: str, swapped) -> None:
    if touches_region(geometry):
        return
    if touches_region(swapped):
        raise AreaError(
            _(
                "This shape lies outside the Brussels-Capital Region; it looks like latitude "
                "and longitude are swapped (CAP writes the latitude first, such as "
                "50.84,4.36): %(line)s"
            )
            % {"line": _quote(line)}
        )
    raise AreaError(
        _("This shape lies outside the Brussels-Capital Region: %(line)s") % {"line": _quote(line)}
    )


def _ring(line: str) -> list[tuple[float, float]]:
    """The points of a polygon line, checked for form, range, closure and repeats."""
    points = [_point(text, line) for text in line.split()]
    if len(points) < 4:
        raise AreaError(
            _(
                "Each polygon needs at least four 'lat,lon' pairs separated by spaces, "
                "the first equal to the last: %(line)s"
            )
            % {"line": _quote(line)}
        )
    if points[0] != points[-1]:
        raise AreaError(
            _("A polygon must end on its first point (its ring is not closed): %(line)s")
            % {"line": _quote(line)}
        )
    for previous, current in zip(points, points[1:], strict=False):
        if previous == current:
            raise AreaError(
                _("A polygon repeats the point %(point)s twice in a row: %(line)s")
                % {"point": f"{_number(current[0])},{_number(current[1])}", "line": _quote(line)}
            )
    return points


def parse_polygon(line: str, *, check_region: bool = True, max_vertices=MAX_POLYGON_VERTICES):
    """A CAP polygon line as a shapely Polygon in degrees; AreaError with the reason."""
    line = line.strip()
    points = _ring(line)
    if max_vertices is not None and len(points) - 1 > max_vertices:
        raise AreaError(
            _(
                "A polygon has %(count)s points; CAP receivers struggle beyond %(max)s. "
                "Simplify its outline to at most %(max)s points: %(line)s"
            )
            % {"count": len(points) - 1, "max": max_vertices, "line": _quote(line)}
        )
    polygon = Polygon([(longitude, latitude) for latitude, longitude in points])
    if not polygon.is_valid:
        raise AreaError(
            _("A polygon's edges cross each other%(where)s: %(line)s")
            % {"where": _where_invalid(polygon), "line": _quote(line)}
        )
    if check_region:
        _check_in_region(polygon, line, _swapped(polygon))
    return polygon


def _where_invalid(polygon: Polygon) -> str:
    match = _VALIDITY_POINT.search(shapely.is_valid_reason(polygon))
    if not match:
        return ""
    longitude, latitude = float(match.group(1)), float(match.group(2))
    return " " + _("near %(point)s") % {
        "point": f"{_number(round(latitude, 5))},{_number(round(longitude, 5))}"
    }


def parse_circle(line: str, *, check_region: bool = True) -> Circle:
    """A CAP circle line as a Circle; AreaError with the reason."""
    line = line.strip()
    parts = line.split()
    if len(parts) != 2 or not _NUMBER.match(parts[1]):
        raise AreaError(
            _("Each circle is 'lat,lon radius' (radius in km): %(line)s") % {"line": _quote(line)}
        )
    latitude, longitude = _point(parts[0], line)
    radius = float(parts[1])
    if not 0 < radius <= MAX_CIRCLE_RADIUS_KM:
        raise AreaError(
            _("A circle's radius is more than 0 and at most %(max)s km: %(line)s")
            % {"max": MAX_CIRCLE_RADIUS_KM, "line": _quote(line)}
        )
    circle = Circle(latitude, longitude, radius)
    if check_region:
        _check_in_region(circle, line, Circle(longitude, latitude, radius))
    return circle


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def validate_polygons(text: str) -> list[str]:
    """One message per refused polygon line (none when every line is a valid shape)."""
    return _problems(text, parse_polygon)


def validate_circles(text: str) -> list[str]:
    """One message per refused circle line (none when every line is a valid shape)."""
    return _problems(text, parse_circle)


def _problems(text: str, parse) -> list[str]:
    problems = []
    for line in _lines(text):
        try:
            parse(line)
        except AreaError as error:
            problems.append(str(error))
    return problems


def polygons(text: str) -> list[Polygon]:
    """The valid polygons of a polygons field, in degrees (refused lines left out)."""
    return _valid(text, parse_polygon)


def circles(text: str) -> list[Circle]:
    """The valid circles of a circles field (refused lines left out)."""
    return _valid(text, parse_circle)


def _valid(text: str, parse) -> list:
    shapes = []
    for line in _lines(text):
        try:
            shapes.append(parse(line))
        except AreaError:
            continue
    return shapes


#: Less than this much of a commune (in square degrees, about 8 m²) is a shared border.
_OVERLAP_DEG2 = 1e-9


@lru_cache(maxsize=256)
def communes_in_area(polygons_text: str, circles_text: str) -> tuple[str, ...]:
    """NIS codes of the communes a drawn zone (an alert's CAP polygons and circles) covers
    part of, in NIS order: so that a reader learns where a "delimited zone" is."""
    shapes = [*polygons(polygons_text or ""), *(c.polygon for c in circles(circles_text or ""))]
    if not shapes:
        return ()
    zone = unary_union(shapes)
    return tuple(
        sorted(
            nis
            for nis, commune in commune_shapes().items()
            if commune["shape"].intersection(zone).area > _OVERLAP_DEG2
        )
    )


# --- writing -------------------------------------------------------------------------


def polygon_to_cap(polygon: Polygon) -> str:
    """A polygon in degrees as a CAP polygon line (latitude first, ring closed)."""
    return " ".join(
        f"{_number(round(latitude, 6))},{_number(round(longitude, 6))}"
        for longitude, latitude in polygon.exterior.coords
    )


def simplify_polygon(line: str, max_vertices: int = MAX_POLYGON_VERTICES) -> str:
    """The polygon with at most `max_vertices` points, as CAP text: the smallest
    topology-preserving simplification that fits, its outline moved as little as needed.
    Raises AreaError when the line is not a polygon at all."""
    polygon = parse_polygon(line, check_region=False, max_vertices=None)
    local = to_local(polygon)
    tolerance = 0.001  # km: one metre, then doubling
    simplified = local
    while len(simplified.exterior.coords) - 1 > max_vertices:
        simplified = local.simplify(tolerance, preserve_topology=True)
        tolerance *= 2
    return polygon_to_cap(to_degrees(simplified))
