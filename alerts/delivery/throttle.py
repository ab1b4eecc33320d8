"""Messages per second per channel, shared by every worker through the cache (Redis in
production, so the limit holds across machines)."""

import time

from django.conf import settings
from django.core.cache import cache


def rate_limit(channel: str) -> int:
    """0 means unlimited."""
    return int(settings.DELIVERY_RATE_LIMITS.get(channel, 0))


def acquire(channel: str, count: int, sleep=time.sleep, clock=time.time) -> None:
    """Block until `count` messages may be sent on `channel` within its rate."""
    limit = rate_limit(channel)
    if limit <= 0:
        return
    while count > 0:
        second = int(clock())
        key = f"delivery-rate:{channel}:{second}"
        cache.add(key, 0, timeout=5)
        taken = cache.incr(key, min(count, limit))
        allowed = min(count, limit) - max(0, taken - limit)
        if allowed > 0:
            count -= allowed
        if count > 0:
            sleep(max(0.0, second + 1 - clock()))
