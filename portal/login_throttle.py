"""Limits on failed admin sign-ins, per (user name, address) and per address (counters in
the cache), never per user name alone: failures from other addresses never lock an
operator out of their own account (an attacker who knows the name `alert-approver` could
otherwise keep them out during a crisis). Guessing from many addresses still meets the
second factor every alert role needs.

A counter expires `LOGIN_THROTTLE_WINDOW` seconds after the first failure it counts, so a
legitimate user is never paused for longer than that; a successful sign-in clears the
counter of that user name at that address.

The rule is django-axes' `AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"],
"ip_address"]`, kept in these few lines: the sign-in audit (portal.login_audit) already
records every attempt, and axes would add a second store of the same facts.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{kind}:{value.lower()}".encode()).hexdigest()[:24]
    return f"login:fail:{kind}:{digest}"


def _user_at_ip(username: str, ip: str) -> str:
    return _key("user-ip", f"{username}\0{ip}")


def _buckets(username: str, ip: str) -> list[tuple[str, int]]:
    return [
        (_user_at_ip(username, ip), settings.LOGIN_THROTTLE_PER_USER_AND_IP),
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


def record_success(username: str, ip: str) -> None:
    cache.delete(_user_at_ip(username, ip))
