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

from django.conf import settings

from portal.counters import counter_clear, counter_hit, counter_values

USER_AT_IP = "login-failures-user-ip"
IP = "login-failures-ip"


def _user_at_ip(username: str, ip: str) -> str:
    return f"{username.lower()}\0{ip}"


def is_throttled(username: str, ip: str) -> bool:
    user_at_ip = counter_values(USER_AT_IP, [_user_at_ip(username, ip)])
    from_ip = counter_values(IP, [ip])
    return (
        next(iter(user_at_ip.values())) >= settings.LOGIN_THROTTLE_PER_USER_AND_IP
        or from_ip[ip] >= settings.LOGIN_THROTTLE_PER_IP
    )


def record_failure(username: str, ip: str) -> None:
    window = settings.LOGIN_THROTTLE_WINDOW
    counter_hit(USER_AT_IP, _user_at_ip(username, ip), window=window)
    counter_hit(IP, ip, window=window)


def record_success(username: str, ip: str) -> None:
    counter_clear(USER_AT_IP, _user_at_ip(username, ip))
