"""Who receives an alert: one set-based query from the alert to contact points.

- Audience: a public alert reaches every subscriber in its area (staff and partners who
  subscribed for a place too); an exercise or a test only the test audience; a Restricted
  alert only the partner network. For those two, the test and partner audiences are
  operational contacts: they receive every such alert, whatever its area and topic.
- Area (public audience): subscribers watching the whole region, one of the alert's
  communes, or — for a drawn polygon or circle — a precise location inside it. A drawn area
  reaches commune-level subscribers only through the communes the author also selected.
  A drawn area also reaches a browser (push contact point) that opted in to "alert me where
  I am" and whose position, sent within SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS, is inside it;
  its subscriber's own language and topics still apply.
- Topics: extreme and severe alerts reach everyone in the area; others only subscribers
  who chose the alert's category.
- Updates and all-clears also reach every contact point that received an earlier message
  of the same incident, wherever and whatever they subscribed to since.
- Language: the subscriber's own, or French when the alert has no text in it (English is
  optional).
"""

import math
from datetime import timedelta

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Mod
from django.utils import timezone

from alerts.audiences import Audience, audience_for
from alerts.cap_vocab import ALWAYS_DELIVERED_SEVERITIES, MsgType
from alerts.models import Alert
from alerts.subscriptions.models import ChannelName, ContactPoint, Place
from alerts.subscriptions.selectors import confirmed_contact_points

EARTH_RADIUS_KM = 6371.0


def _polygons(alert: Alert) -> list[list[tuple[float, float]]]:
    shapes = []
    for line in (alert.polygons or "").splitlines():
        pairs = [pair.split(",") for pair in line.split()]
        if len(pairs) >= 4:
            shapes.append([(float(lat), float(lon)) for lat, lon in pairs])
    return shapes


def _circles(alert: Alert) -> list[tuple[float, float, float]]:
    circles = []
    for line in (alert.circles or "").splitlines():
        parts = line.split()
        if len(parts) == 2:
            lat, lon = parts[0].split(",")
            circles.append((float(lat), float(lon), float(parts[1])))
    return circles


def point_in_polygon(lat: float, lon: float, polygon: list[tuple[float, float]]) -> bool:
    """Ray casting on (lat, lon); fine at the scale of a city."""
    inside = False
    j = len(polygon) - 1
    for i in range(len(polygon)):
        lat_i, lon_i = polygon[i]
        lat_j, lon_j = polygon[j]
        if (lon_i > lon) != (lon_j > lon) and lat < (lat_j - lat_i) * (lon - lon_i) / (
            lon_j - lon_i
        ) + lat_i:
            inside = not inside
        j = i
    return inside


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _places_in_drawn_area(alert: Alert) -> list[int]:
    """Places with a precise location inside the alert's polygons or circles.

    The database narrows by bounding box; the exact test runs on those candidates only.
    """
    ids = []
    for polygon in _polygons(alert):
        lats, lons = [p[0] for p in polygon], [p[1] for p in polygon]
        candidates = Place.objects.filter(
            latitude__range=(min(lats), max(lats)), longitude__range=(min(lons), max(lons))
        ).values_list("id", "latitude", "longitude")
        ids += [pk for pk, lat, lon in candidates if point_in_polygon(lat, lon, polygon)]
    for lat0, lon0, radius in _circles(alert):
        dlat = radius / 111.0
        dlon = radius / (111.0 * max(math.cos(math.radians(lat0)), 0.01))
        candidates = Place.objects.filter(
            latitude__range=(lat0 - dlat, lat0 + dlat),
            longitude__range=(lon0 - dlon, lon0 + dlon),
        ).values_list("id", "latitude", "longitude")
        ids += [pk for pk, lat, lon in candidates if distance_km(lat0, lon0, lat, lon) <= radius]
    return ids


def _fresh_positions() -> QuerySet[ContactPoint]:
    cutoff = timezone.now() - timedelta(days=settings.SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS)
    return ContactPoint.objects.filter(channel=ChannelName.PUSH, position_at__gte=cutoff)


def _crossings(polygon: list[tuple[float, float]]):
    """SQL: how many edges of the polygon a ray from the stored position crosses — the
    ray casting of point_in_polygon, one CASE per edge (odd means inside)."""
    lon = F("position_longitude")
    edges = []
    j = len(polygon) - 1
    for i in range(len(polygon)):
        (lat_i, lon_i), (lat_j, lon_j) = polygon[i], polygon[j]
        j = i
        if lon_i == lon_j:
            continue  # a ray along the latitude never crosses a north-south edge
        slope = (lat_j - lat_i) / (lon_j - lon_i)
        crossed = Q(
            position_longitude__gte=min(lon_i, lon_j),
            position_longitude__lt=max(lon_i, lon_j),
            position_latitude__lt=ExpressionWrapper(
                (lon - Value(lon_i)) * Value(slope) + Value(lat_i), output_field=FloatField()
            ),
        )
        edges.append(Case(When(crossed, then=Value(1)), default=Value(0)))
    return sum(edges[1:], edges[0]) if edges else Value(0)


def _positions_in_drawn_area(alert: Alert) -> Q | None:
    """Push contact points whose fresh position ("alert me where I am") is inside the
    alert's polygons or circles, as a condition the targeting statement carries.

    Unlike _places_in_drawn_area, whose candidate ids come back to Python, both steps stay
    in SQL, so a hundred thousand positions never travel: the bounding box narrows on the
    subs_cp_position index, then the exact test (ray casting for a polygon, distance on
    the local flat projection for a circle) runs on those rows only.
    """
    subqueries = []
    for polygon in _polygons(alert):
        lats, lons = [p[0] for p in polygon], [p[1] for p in polygon]
        inside = (
            _fresh_positions()
            .filter(
                position_latitude__range=(min(lats), max(lats)),
                position_longitude__range=(min(lons), max(lons)),
            )
            .alias(parity=Mod(_crossings(polygon), Value(2)))
            .filter(parity=1)
        )
        subqueries.append(inside.values("pk"))
    km_per_degree = EARTH_RADIUS_KM * math.pi / 180
    for lat0, lon0, radius in _circles(alert):
        dlat = radius / 111.0
        dlon = radius / (111.0 * max(math.cos(math.radians(lat0)), 0.01))
        north = (F("position_latitude") - Value(lat0)) * Value(km_per_degree)
        east = (F("position_longitude") - Value(lon0)) * Value(
            km_per_degree * math.cos(math.radians(lat0))
        )
        inside = (
            _fresh_positions()
            .filter(
                position_latitude__range=(lat0 - dlat, lat0 + dlat),
                position_longitude__range=(lon0 - dlon, lon0 + dlon),
            )
            .alias(
                distance2=ExpressionWrapper(north * north + east * east, output_field=FloatField())
            )
            .filter(distance2__lte=radius * radius)
        )
        subqueries.append(inside.values("pk"))
    if not subqueries:
        return None
    condition = Q(pk__in=subqueries[0])
    for subquery in subqueries[1:]:
        condition |= Q(pk__in=subquery)
    return condition


def target_condition(alert: Alert) -> Q:
    """The condition on ContactPoint rows for the alert's audience, area and topics."""
    # The audience from the alert's status and scope, not its stored column: an exercise
    # or a test reaches the test audience only, whatever was written in the row.
    audience = audience_for(alert.status, alert.scope)
    if audience != Audience.PUBLIC:
        return Q(subscriber__audience=audience)
    if alert.whole_region:
        area = Q()  # every place in the region
    else:
        area = Q(whole_region=True)
        commune_ids = list(alert.communes.values_list("pk", flat=True))
        if commune_ids:
            area |= Q(communes__in=commune_ids)
        drawn = _places_in_drawn_area(alert)
        if drawn:
            area |= Q(pk__in=drawn)
    condition = Q(subscriber_id__in=Place.objects.filter(area).values("subscriber_id"))
    if not alert.whole_region:
        # "Alert me where I am": that browser, wherever the subscriber's places are.
        positioned = _positions_in_drawn_area(alert)
        if positioned is not None:
            condition |= positioned
    if alert.severity not in ALWAYS_DELIVERED_SEVERITIES:
        condition &= Q(subscriber__topics__has_item=alert.category)
    return condition


def delivery_language(alert: Alert):
    """SQL expression: the language each contact point is written to."""
    available = list(alert.infos.values_list("language", flat=True))
    return Case(
        When(subscriber__language__in=available, then=F("subscriber__language")),
        default=Value("fr"),
    )


def target_contact_points(alert: Alert) -> QuerySet[ContactPoint]:
    """Active, confirmed contact points of the targeted subscribers (one query)."""
    targeted = target_condition(alert)
    root = alert.thread_root_id or alert.references_id
    if alert.msg_type in (MsgType.UPDATE, MsgType.CANCEL) and root:
        from .models import Delivery

        earlier = (
            Delivery.objects.filter(Q(alert_id=root) | Q(alert__thread_root_id=root))
            .exclude(alert_id=alert.pk)
            .values("contact_point_id")
        )
        targeted |= Q(pk__in=earlier)
    points = confirmed_contact_points().filter(targeted)
    if audience_for(alert.status, alert.scope) == Audience.PUBLIC:
        # A partner contact or test-audience member who also subscribed as a citizen with
        # the same address gets a public alert once, through their citizen subscription.
        citizen_too = confirmed_contact_points().filter(
            channel=OuterRef("channel"), address=OuterRef("address"), audience=Audience.PUBLIC
        )
        points = points.filter(Q(audience=Audience.PUBLIC) | ~Exists(citizen_too))
    return points


def audience_estimate(alert: Alert) -> dict[str, dict[str, int]]:
    """Contact points per channel and language, as the composer shows before sending."""
    rows = (
        target_contact_points(alert)
        .annotate(delivery_language=delivery_language(alert))
        .values("channel", "delivery_language")
        .annotate(count=Count("pk"))
        .order_by()
    )
    estimate: dict[str, dict[str, int]] = {}
    for row in rows:
        estimate.setdefault(row["channel"], {})[row["delivery_language"]] = row["count"]
    return estimate
