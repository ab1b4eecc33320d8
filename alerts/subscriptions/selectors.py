"""Reads about subscriptions. The delivery engine builds its targeting on these.

How targeting joins (set-based, one query, no Python loop per subscriber)::

    alerts.Commune (the alert's area)
      → subscriptions_place_communes (M2M)  ─┐
      → Place.whole_region = true           ─┴→ Place.subscriber
      → Subscriber (audience; language picks the alert's info block; topics)
      → ContactPoint where active AND confirmed_at IS NOT NULL   ← confirmed_contact_points()

The targeting query itself, with audiences, topics and drawn areas, is the delivery
engine's: alerts/delivery/targeting.py.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from alerts.models import Commune

from .models import Audience, ChannelName, ConsentRecord, ContactPoint, Subscriber


def confirmed_contact_points() -> QuerySet[ContactPoint]:
    """The only contact points anything may ever be sent to: active and confirmed."""
    return ContactPoint.objects.filter(active=True, confirmed_at__isnull=False)


def subscriber_counts() -> dict:
    """Aggregate counts for the admin statistics: no personal data.

    Only subscribers with at least one deliverable contact point are counted.
    """
    live = confirmed_contact_points()
    subscribers = Subscriber.objects.filter(Exists(live.filter(subscriber=OuterRef("pk"))))
    per_channel = dict(
        live.values_list("channel").annotate(n=Count("subscriber", distinct=True)).order_by()
    )
    per_language = dict(subscribers.values_list("language").annotate(n=Count("pk")).order_by())
    per_audience = dict(subscribers.values_list("audience").annotate(n=Count("pk")).order_by())
    region_wide = subscribers.filter(places__whole_region=True).distinct().count()
    per_commune = []
    for commune in Commune.objects.annotate(
        n=Count(
            "subscriber_places__subscriber",
            filter=Q(subscriber_places__subscriber__in=subscribers),
            distinct=True,
        )
    ).order_by("name_fr"):
        per_commune.append((commune, commune.n))
    return {
        "total": subscribers.count(),
        "per_channel": [(c, per_channel.get(c.value, 0)) for c in ChannelName],
        "per_language": per_language,
        "per_audience": [(a, per_audience.get(a.value, 0)) for a in Audience],
        "region_wide": region_wide,
        "per_commune": per_commune,
        "pending": ContactPoint.objects.filter(confirmed_at__isnull=True).count(),
    }


def _iso(value):
    return value.isoformat() if value else None


def subscriber_export(subscriber: Subscriber) -> dict:
    """Everything we hold about one subscriber, as JSON-ready data (right of access).

    The hash of a pending one-time code is shown as present, not given: it is a secret
    that protects the subscriber, and holds no information about them.
    """
    contact_points = list(subscriber.contact_points.order_by("pk"))
    return {
        "subscriber": {
            "id": subscriber.pk,
            "language": subscriber.language,
            "audience": subscriber.audience,
            "organisation": subscriber.organisation,
            "topics": list(subscriber.topics),
            "created_at": _iso(subscriber.created_at),
            "updated_at": _iso(subscriber.updated_at),
        },
        "places": [
            {
                "id": place.pk,
                "label": place.label,
                "whole_region": place.whole_region,
                "communes": [
                    {"nis_code": c.nis_code, "name_fr": c.name_fr, "name_nl": c.name_nl}
                    for c in place.communes.order_by("pk")
                ],
                "latitude": place.latitude,
                "longitude": place.longitude,
            }
            for place in subscriber.places.prefetch_related("communes")
        ],
        "contact_points": [
            {
                "id": cp.pk,
                "channel": cp.channel,
                "address": cp.address,
                "push_keys": cp.push_keys,
                "confirmed_at": _iso(cp.confirmed_at),
                "active": cp.active,
                "deactivated_at": _iso(cp.deactivated_at),
                "deactivated_reason": cp.deactivated_reason,
                "created_at": _iso(cp.created_at),
                "position_latitude": cp.position_latitude,
                "position_longitude": cp.position_longitude,
                "position_at": _iso(cp.position_at),
                "consents": [
                    {
                        "id": consent.pk,
                        "channel": consent.channel,
                        "action": consent.action,
                        "text_version": consent.text_version,
                        "method": consent.method,
                        "created_at": _iso(consent.created_at),
                    }
                    for consent in ConsentRecord.objects.filter(contact_point=cp)
                ],
                "verifications": [
                    {
                        "id": verification.pk,
                        "purpose": verification.purpose,
                        "attempts": verification.attempts,
                        "expires_at": _iso(verification.expires_at),
                        "created_at": _iso(verification.created_at),
                        "code_hash": "(stored, not shown)",
                    }
                    for verification in cp.verifications.all()
                ],
            }
            for cp in contact_points
        ],
    }
