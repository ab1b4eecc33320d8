"""A small fixed-window counter in the cache, for forms that send a message to an address
the visitor typed (the registration confirmation)."""

import hashlib

from django.core.cache import cache


def throttle_allows(key: str, *, limit: int, window: int) -> bool:
    """Count one attempt under `key`; False once more than `limit` fell in `window` seconds.

    The key may hold what a visitor typed (an email address): the cache only ever sees its
    digest, so the addresses are not readable in Redis."""
    cache_key = "throttle:" + hashlib.sha256(key.encode()).hexdigest()
    if cache.add(cache_key, 1, timeout=window):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=window)
        return True
    return count <= limit
