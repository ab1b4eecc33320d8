"""Targeting + ledger creation for 1,000,000 contact points on PostgreSQL.

Ours: what a dispatch runs (alerts.delivery.ledger.ledger_fill): INSERT … SELECT from the
targeting query, one statement per connection, each connection taking its share of the
contact points.
Reference: the per-object ORM loop (iterate the targeted contact points, create one
Delivery each), measured on a 10,000 sample in the same run.
"""

import time

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .report import Figure

NEEDS_DATABASE = True
COUNT = 1_000_000
SAMPLE = 10_000

POPULATE = [
    """INSERT INTO subscriptions_subscriber
         (id, language, audience, organisation, topics, created_at, updated_at)
       SELECT g, (ARRAY['fr','nl','en'])[1 + g %% 3], 'public', '', '["Met", "Fire"]'::jsonb,
              now(), now()
       FROM generate_series(1, %(n)s) g""",
    """INSERT INTO subscriptions_place (id, subscriber_id, label, whole_region)
       SELECT g, g, 'Home', g %% 50 = 0 FROM generate_series(1, %(n)s) g""",
    """INSERT INTO subscriptions_place_communes (place_id, commune_id)
       SELECT g, '210' || lpad(((g %% 19) + 1)::text, 2, '0') FROM generate_series(1, %(n)s) g""",
    """INSERT INTO subscriptions_contactpoint
         (id, subscriber_id, channel, audience, address, push_keys, confirmed_at, active,
          deactivated_reason, created_at)
       SELECT g, g, (ARRAY['email','sms','push'])[1 + g %% 3], 'public',
              'p' || g || '@example.invalid', '{}'::jsonb, now(), true, '', now()
       FROM generate_series(1, %(n)s) g""",
    "SELECT setval(pg_get_serial_sequence('subscriptions_subscriber', 'id'), %(n)s)",
    "SELECT setval(pg_get_serial_sequence('subscriptions_place', 'id'), %(n)s)",
    "SELECT setval(pg_get_serial_sequence('subscriptions_contactpoint', 'id'), %(n)s)",
    "ANALYZE",
]


def _alert(communes):
    from alerts.factories import AlertFactory

    return AlertFactory(severity="Severe", area=communes, state="sending")


def run() -> Figure:
    from alerts.delivery.ledger import ledger_fill, priority_for
    from alerts.delivery.models import Delivery
    from alerts.delivery.targeting import delivery_language, target_contact_points

    assert connection.vendor == "postgresql", "this benchmark claims PostgreSQL"
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for statement in POPULATE:
            cursor.execute(statement, {"n": COUNT})
    populate_seconds = time.perf_counter() - started
    everywhere = [f"210{i:02d}" for i in range(1, 20)]

    # Reference: per object, on a sample.
    sample_alert = _alert(everywhere)
    now = timezone.now()
    started = time.perf_counter()
    points = (
        target_contact_points(sample_alert)
        .annotate(delivery_language=delivery_language(sample_alert))
        .order_by("pk")[:SAMPLE]
    )
    for point in points.iterator(chunk_size=2000):
        Delivery.objects.get_or_create(
            alert=sample_alert,
            contact_point=point,
            defaults={
                "channel": point.channel,
                "language": point.delivery_language,
                "priority": priority_for(sample_alert),
                "next_attempt_at": now,
                "created_at": now,
                "updated_at": now,
            },
        )
    reference_seconds = time.perf_counter() - started

    # Ours: the whole million as a dispatch writes it, then once more (must create nothing).
    alert = _alert(everywhere)
    started = time.perf_counter()
    created = ledger_fill(alert)
    ours_seconds = time.perf_counter() - started
    again = ledger_fill(alert)
    assert created == COUNT and again == 0, (created, again)

    ours_rate = COUNT / ours_seconds
    reference_rate = SAMPLE / reference_seconds
    return Figure(
        name="Targeting + ledger, 1,000,000 contact points (PostgreSQL)",
        ours=ours_rate,
        reference=reference_rate,
        unit="rows/s",
        target="1,000,000 in ≤ 10 s",
        met=ours_seconds <= 10,
        detail=(
            f"Ours: {COUNT:,} ledger rows in {ours_seconds:.2f} s (INSERT … SELECT from the "
            f"targeting query over {settings.DELIVERY_LEDGER_CONNECTIONS} connections, each "
            f"taking its share of the contact points; a second fill, with ON CONFLICT DO "
            f"NOTHING, created {again}). Reference: the "
            f"per-object ORM loop took {reference_seconds:.2f} s for {SAMPLE:,} rows, i.e. "
            f"about {COUNT / reference_rate / 60:.0f} min for the million. Test data "
            f"(1,000,000 subscribers, places and contact points) generated in "
            f"{populate_seconds:.1f} s."
        ),
    )
