"""Voice: calls placed through the delivery engine (ledger, rate limiter, the Twilio SDK)
against the local Twilio peer speaking the Calls API, with the account's calls-per-second
limit (DELIVERY_RATE_VOICE) set to 10 and to 100.

The peer records the wall-clock time of every call it accepts; the rate limiter counts
whole seconds of the same clock. For each limit: the mean number of calls in the whole
seconds between the first and the last (the achieved rate; target within 5 % of the
limit) and the most calls in any one second (never above the limit). Reference: the same
engine with no limit, in the same run (what the SDK and the ledger can place at most).
"""

import logging
from collections import Counter

from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from alerts.delivery import ledger
from alerts.delivery.models import Delivery
from alerts.delivery.services import delivery_run
from alerts.factories import AlertFactory
from alerts.subscriptions.models import ChannelName, ContactPoint, Place, Subscriber
from tests.peers.twilio import ACCOUNT_SID, AUTH_TOKEN, PeerServer, TwilioPeer

from .report import Figure

NEEDS_DATABASE = True
SECONDS = 5  # calls queued: enough for this many whole seconds at each limit
LIMITS = (10, 100)


def _audience(count: int, first: int) -> None:
    """`count` voice subscribers in Bruxelles (21004), set-based."""
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(language=("fr", "nl")[i % 2]) for i in range(count)]
    )
    places = Place.objects.bulk_create([Place(subscriber=s) for s in subscribers])
    Place.communes.through.objects.bulk_create(
        [Place.communes.through(place_id=p.pk, commune_id="21004") for p in places]
    )
    ContactPoint.objects.bulk_create(
        [
            ContactPoint(
                subscriber=s,
                channel=ChannelName.VOICE,
                address=f"+32255{first + i:06d}",
                confirmed_at=timezone.now(),
            )
            for i, s in enumerate(subscribers)
        ]
    )


def _place_calls(peer: TwilioPeer, base_url: str, limit: int, count: int) -> list[float]:
    """Queue `count` calls of a new alert and send them; returns the peer's call times."""
    Delivery.objects.all().delete()
    ContactPoint.objects.filter(channel=ChannelName.VOICE).delete()
    Subscriber.objects.all().delete()
    _audience(count, 0)
    alert = AlertFactory(state="sending", severity="Severe")
    ledger.ledger_create(alert)
    already = len(peer.calls_placed)
    voice = {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_API_BASE_URL": base_url,
        "TWILIO_VOICE_FROM": "+3228880000",
    }
    rates = {**settings.DELIVERY_RATE_LIMITS, "voice": limit}
    with override_settings(**voice, DELIVERY_RATE_LIMITS=rates, DELIVERY_TASK_SECONDS=600):
        delivery_run(channel_name="voice")
    placed = peer.calls_placed[already:]
    assert len(placed) == count == len({c["to"] for c in placed}), len(placed)
    return [call["_at"] for call in placed]


def _per_second(times: list[float]) -> tuple[float, int]:
    """(mean calls per whole second between the first and the last, most in one second)."""
    seconds = Counter(int(t) for t in times)
    whole = [seconds[s] for s in sorted(seconds)[1:-1]]  # the first and last are partial
    mean = sum(whole) / len(whole) if whole else float("nan")
    return mean, max(seconds.values())


def run() -> Figure:
    logging.getLogger("twilio").setLevel(logging.WARNING)
    peer = TwilioPeer()
    server = PeerServer(peer).start()
    base_url = f"http://127.0.0.1:{server.port}"
    try:
        results = {}
        for limit in LIMITS:
            times = _place_calls(peer, base_url, limit, limit * SECONDS + limit // 2)
            results[limit] = _per_second(times)
        unlimited = _place_calls(peer, base_url, 0, 600)
        reference = len(unlimited) / max(unlimited[-1] - unlimited[0], 1e-6)
    finally:
        server.stop()

    met = all(
        abs(mean - limit) <= 0.05 * limit and most <= limit
        for limit, (mean, most) in results.items()
    )
    worst = min(mean / limit for limit, (mean, _most) in results.items())
    detail = "; ".join(
        f"limit {limit}/s: {mean:.1f} calls per whole second on average, at most {most} in one"
        for limit, (mean, most) in results.items()
    )
    return Figure(
        name="Voice: calls placed under the account's calls-per-second limit (10 and 100)",
        ours=results[LIMITS[-1]][0],
        reference=reference,
        unit="calls/s",
        target="achieved rate within 5 % of each limit, never above it in any second",
        met=met,
        detail=(
            f"The delivery engine (ledger, rate limiter, Twilio SDK) against the local "
            f"Twilio peer's Calls API, calls timed by the peer. {detail}; the lowest achieved "
            f"share of a limit is {worst:.0%}. Reference: the same engine with no limit, "
            f"{reference:,.0f} calls/s (600 calls)."
        ),
    )
