"""A small fixed-window counter in the cache, for forms that send a message to an address
the visitor typed (the registration confirmation)."""

from django.core.cache import cache


def throttle_allows(key: str, *, limit: int, window: int) -> bool:
    """Count one attempt under `key`; False once more than `limit` fell in `window` seconds."""
    cache_key = f"throttle:{key}"
    if cache.add(cache_key, 1, timeout=window):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=window)
        return True
    return count <= limit
