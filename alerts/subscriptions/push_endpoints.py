"""Which push endpoints a browser may hand us: only URLs of the browsers' own push services.

The sender later POSTs an alert to every stored endpoint, so an endpoint chosen by whoever
fills in the form is a request our server makes on their behalf. An endpoint is accepted
only when it is an https URL on the default port of a host under one of the push services
(PUSH_SERVICE_HOSTS), written plainly (ASCII, no IP literal, no user name, no punycode), and
whose every DNS address is a public one.
"""

import ipaddress
import re
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Host suffixes of the push services browsers use; a host matches when it is one of them
# or a subdomain of one. Chrome, Edge on Android, Opera and Samsung Internet use FCM
# (android.googleapis.com is the GCM name older Chrome versions handed out; a Google host
# like the other, so a browser still holding such a subscription is not refused), Firefox
# Mozilla's autopush, Safari Apple's web push service, Edge on Windows WNS
# (wns2-xxx.notify.windows.com).
DEFAULT_PUSH_SERVICE_HOSTS = (
    "fcm.googleapis.com",
    "android.googleapis.com",
    "updates.push.services.mozilla.com",
    "push.services.mozilla.com",
    "web.push.apple.com",
    "notify.windows.com",
)
MAX_ENDPOINT_LENGTH = 1000
MAX_HOST_LENGTH = 253

# Printable ASCII without space: push services hand out plain URLs, and anything else is
# either an attempt to make two URL parsers disagree or something HTTP cannot carry.
_PLAIN_URL = re.compile(r"[\x21-\x7e]+")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")

NOT_A_PUSH_SERVICE = _(
    "This browser's notification service is not one we can deliver to. "
    "Try another browser, or give an email address or a mobile number."
)
UNREADABLE = _("The browser notification subscription could not be read. Try again.")
NOT_RESOLVED = _(
    "The browser's notification service could not be reached just now. Try again in a few minutes."
)


def _resolve(host: str) -> list[str]:
    """Every address `host` resolves to (raises OSError when it does not resolve)."""
    infos = socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
    return [info[4][0] for info in infos]


def _allowed_suffixes() -> list[str]:
    hosts = getattr(settings, "PUSH_SERVICE_HOSTS", DEFAULT_PUSH_SERVICE_HOSTS)
    # "*.notify.windows.com" and ".notify.windows.com" mean the same as the bare suffix.
    return [host.strip().lower().removeprefix("*").lstrip(".") for host in hosts if host.strip()]


def _is_push_service(host: str) -> bool:
    return any(
        suffix and (host == suffix or host.endswith("." + suffix)) for suffix in _allowed_suffixes()
    )


def _looks_like_ip_literal(host: str) -> bool:
    if host.startswith("[") or ":" in host:
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        # inet_aton takes the forms resolvers and browsers also take: 2130706433, 0x7f.1,
        # 0177.0.0.1, 127.1.
        socket.inet_aton(host)
        return True
    except OSError:
        pass
    # WHATWG URL parsing reads a host whose last label is a number (decimal or 0x hex) as
    # IPv4, whatever the other labels.
    last = host.rsplit(".", 1)[-1]
    return last.isdigit() or last.startswith("0x")


def _is_public(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


def push_endpoint_validate(endpoint) -> str:
    """The endpoint, unchanged, when we may deliver to it; ValidationError saying why not.

    Resolution happens here, at sign-up; a name that does not resolve now is refused with
    "try again" rather than stored unchecked.
    """
    if not isinstance(endpoint, str) or not 0 < len(endpoint) <= MAX_ENDPOINT_LENGTH:
        raise ValidationError(UNREADABLE, code="unreadable")
    if not _PLAIN_URL.fullmatch(endpoint) or "\\" in endpoint:
        raise ValidationError(UNREADABLE, code="unreadable")
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        raise ValidationError(UNREADABLE, code="unreadable") from None
    if parts.scheme != "https" or not endpoint[:8].lower() == "https://":
        raise ValidationError(UNREADABLE, code="unreadable")
    netloc = parts.netloc.lower()
    host = parts.hostname or ""
    if (
        "@" in netloc
        or port not in (None, 443)
        or netloc not in (host, f"{host}:443")
        or not host
        or len(host) > MAX_HOST_LENGTH
        or _looks_like_ip_literal(host)
    ):
        raise ValidationError(NOT_A_PUSH_SERVICE, code="not_push_service")
    labels = host.split(".")
    if not all(_LABEL.fullmatch(label) for label in labels) or any(
        label.startswith("xn--") for label in labels
    ):
        # Push services use plain ASCII names; a punycode label can only disguise one.
        raise ValidationError(NOT_A_PUSH_SERVICE, code="not_push_service")
    if not _is_push_service(host):
        raise ValidationError(NOT_A_PUSH_SERVICE, code="not_push_service")
    try:
        addresses = _resolve(host)
    except (OSError, UnicodeError):
        raise ValidationError(NOT_RESOLVED, code="not_resolved") from None
    if not addresses:
        raise ValidationError(NOT_RESOLVED, code="not_resolved")
    if not all(_is_public(address) for address in addresses):
        raise ValidationError(NOT_A_PUSH_SERVICE, code="not_push_service")
    return endpoint
