"""Limits on failed admin sign-ins, per user name and per address (counters in the cache).

A counter expires `LOGIN_THROTTLE_WINDOW` seconds after the first failure it counts, so a
legitimate user is never locked out for longer than that; a successful sign-in clears the
user name's counter.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address: the header named by TRUSTED_CLIENT_IP_HEADER when the reverse
    proxy sets it (e.g. X-Real-IP, overwritten by the proxy), else REMOTE_ADDR. An IPv6
    client counts as its /64 network."""
    raw = ""
    if settings.TRUSTED_CLIENT_IP_HEADER:
        header = "HTTP_" + settings.TRUSTED_CLIENT_IP_HEADER.upper().replace("-", "_")
        raw = request.META.get(header, "").split(",")[-1].strip()
    raw = raw or request.META.get("REMOTE_ADDR", "") or "unknown"
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw[:64]
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


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
