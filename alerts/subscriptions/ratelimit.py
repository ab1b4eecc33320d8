"""Counters in Django's cache (atomic add + incr; locmem or Redis) for everything that sends
a code or a link to an address somebody typed, and for every sign-up, push included."""

from django.conf import settings

from portal.counters import counter_allows

# Limits for kinds the settings may not name (limit, window in seconds); the settings'
# SUBSCRIPTIONS_RATE_LIMITS win. "push" counts sign-ups of one push endpoint, like "email"
# counts those of one address; "welcome" the "you are subscribed" messages to one address.
# "position" counts the position updates of one push endpoint, "position_ip" those of
# one connection (a position is sent each time the page opens: generous, but bounded).
DEFAULT_RATE_LIMITS = {
    "push": (3, 3600),
    "welcome": (3, 3600),
    "position": (30, 3600),
    "position_ip": (120, 3600),
}


class RateLimited(Exception):
    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def hit(kind: str, value: str = "all") -> bool:
    """Count one use; False when this use goes over the limit for `kind`."""
    limits = {**DEFAULT_RATE_LIMITS, **settings.SUBSCRIPTIONS_RATE_LIMITS}
    limit, window = limits[kind]
    return counter_allows(f"subscriptions-{kind}", value, limit=limit, window=window)


def check(buckets: list[tuple[str, str]]) -> None:
    """Count every bucket, then raise RateLimited naming the first one over its limit."""
    over = [kind for kind, value in buckets if not hit(kind, value)]
    if over:
        raise RateLimited(over[0])
