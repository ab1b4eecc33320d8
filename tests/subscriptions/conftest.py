import ipaddress
import socket

import pytest

from tests.peers.smtp import smtp_peer, smtp_settings  # noqa: F401
from tests.peers.twilio import twilio_peer, twilio_settings  # noqa: F401


@pytest.fixture(autouse=True)
def _outbox_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path


# Public addresses of the push services, as a resolver would give them; the tests never ask
# the network.
PUSH_SERVICE_ADDRESSES = {
    "fcm.googleapis.com": ["142.250.74.106", "2a00:1450:400e:80f::200a"],
    "android.googleapis.com": ["142.250.179.170"],
    "updates.push.services.mozilla.com": ["34.107.35.186"],
    "web.push.apple.com": ["17.188.143.34"],
    "wns2-par02p.notify.windows.com": ["40.113.21.108"],
}


@pytest.fixture
def push_dns(monkeypatch):
    """DNS for push endpoints without the network: a table of host → addresses that a test
    may change; a host not in it does not resolve."""
    table = {host: list(addresses) for host, addresses in PUSH_SERVICE_ADDRESSES.items()}
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        try:  # an address (the local SMTP and Twilio peers) needs no DNS
            ipaddress.ip_address(host)
            return real_getaddrinfo(host, port, family, type, proto, flags)
        except ValueError:
            pass
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (
                socket.AF_INET6 if ":" in address else socket.AF_INET,
                socket.SOCK_STREAM,
                socket.IPPROTO_TCP,
                "",
                (address, port, 0, 0) if ":" in address else (address, port),
            )
            for address in table[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table
