"""Limits on failed admin sign-ins, per user name and per address (counters in the cache).

A counter expires `LOGIN_THROTTLE_WINDOW` seconds after the first failure it counts, so a
legitimate user is never locked out for longer than that; a successful sign-in clears the
user name's counter.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{kind}:{value.lower()}".encode()).hexdigest()[:24]
    return f"login:fail:{kind}:{digest}"


def _buckets(username: str, ip: str) -> list[tuple[str, int]]:
    return [
        (_key("user", username), settings.LOGIN_THROTTLE_PER_USERNAME),
        (_key("ip", ip), settings.LOGIN_THROTTLE_PER_IP),
    ]


def is_throttled(username: str, ip: str) -> bool:
    counts = cache.get_many([key for key, _limit in _buckets(username, ip)])
    return any(counts.get(key, 0) >= limit for key, limit in _buckets(username, ip))


def record_failure(username: str, ip: str) -> None:
    window = settings.LOGIN_THROTTLE_WINDOW
    for key, _limit in _buckets(username, ip):
        cache.add(key, 0, timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)


def record_success(username: str) -> None:
    cache.delete(_key("user", username))
