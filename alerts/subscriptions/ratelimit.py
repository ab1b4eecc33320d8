"""Counters in Django's cache (atomic add + incr; locmem or Redis) for everything that sends
a code or a link to an address somebody typed."""

import hashlib

from django.conf import settings
from django.core.cache import cache


class RateLimited(Exception):
    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()[:24]
    return f"subs:rl:{kind}:{digest}"


def hit(kind: str, value: str = "all") -> bool:
    """Count one use; False when this use goes over the limit for `kind`."""
    limit, window = settings.SUBSCRIPTIONS_RATE_LIMITS[kind]
    key = _key(kind, value)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit


def check(buckets: list[tuple[str, str]]) -> None:
    """Count every bucket, then raise RateLimited naming the first one over its limit."""
    over = [kind for kind, value in buckets if not hit(kind, value)]
    if over:
        raise RateLimited(over[0])
