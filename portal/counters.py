"""Fixed-window counters in Django's cache (locmem, or Redis shared by every process).

One implementation for every limit that counts attempts: sign-ups and codes sent
(alerts.subscriptions.ratelimit), failed admin sign-ins (portal.login_throttle), training
registrations (campaigns.training_views). A window opens with the first hit and lasts
`window` seconds. What is counted is often something a visitor typed (an email address, a
phone number, a user name): the cache only ever sees a digest of it, never the text.
"""

import hashlib

from django.core.cache import cache


def _key(namespace: str, value: str) -> str:
    digest = hashlib.sha256(f"{namespace}\0{value}".encode()).hexdigest()[:32]
    return f"count:{namespace}:{digest}"


def counter_hit(namespace: str, value: str, *, window: int) -> int:
    """Count one hit of `value` in `namespace`; the number of hits in the current window,
    this one included. Atomic across processes (add, then incr)."""
    key = _key(namespace, value)
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def counter_allows(namespace: str, value: str, *, limit: int, window: int) -> bool:
    """Count one hit; False once it is past `limit` in the window."""
    return counter_hit(namespace, value, window=window) <= limit


def counter_values(namespace: str, values: list[str]) -> dict[str, int]:
    """The current count of each value (0 when its window is closed), without counting."""
    keys = {_key(namespace, value): value for value in values}
    found = cache.get_many(list(keys))
    return {value: int(found.get(key, 0)) for key, value in keys.items()}


def counter_clear(namespace: str, value: str) -> None:
    cache.delete(_key(namespace, value))
