"""The client's address, as every limit per address counts it (sign-in throttling,
subscription abuse limits, training registrations)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The header named by TRUSTED_CLIENT_IP_HEADER when the reverse proxy sets it (e.g.
    X-Real-IP, overwritten by the proxy), else REMOTE_ADDR. An IPv6 client counts as its
    /64 network, the block one household or machine usually holds."""
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
