"""Which push endpoints are accepted: the browsers' push services only, never an address of
ours or of the private network behind the server."""

import ipaddress
import socket
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from alerts.subscriptions.push_endpoints import push_endpoint_validate


@pytest.fixture(autouse=True)
def english():
    """The refusals in English, whatever language an earlier test left active."""
    with translation.override("en"):
        yield


ACCEPTED = [
    "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bHxyz",
    "https://FCM.googleapis.com/fcm/send/abc",
    "https://android.googleapis.com/gcm/send/APA91bE",
    "https://fcm.googleapis.com:443/fcm/send/abc",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk",
    "https://web.push.apple.com/QGsW4tP-9yZ2vJ5",
    "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA%2bXy",
]


@pytest.mark.parametrize("endpoint", ACCEPTED)
def test_the_browsers_push_services_are_accepted(push_dns, endpoint):
    assert push_endpoint_validate(endpoint) == endpoint


def _code(endpoint) -> str:
    with pytest.raises(ValidationError) as error:
        push_endpoint_validate(endpoint)
    return error.value.code


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://127.0.0.1:6379/x",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://[::ffff:127.0.0.1]/x",
        "https://2130706433/x",
        "https://0x7f000001/x",
        "https://0177.0.0.1/x",
        "https://127.1/x",
        "https://169.254.169.254/latest/meta-data/",
        "https://fcm.googleapis.com@127.0.0.1/x",
        "https://user:secret@fcm.googleapis.com/fcm/send/a",
        "https://evilfcm.googleapis.com/x",
        "https://fcm.googleapis.com.attacker.net/x",
        "https://evilfcm.googleapis.com.attacker.net/x",
        "https://attacker.net/fcm.googleapis.com/x",
        "https://fcm.googleapis.com:8443/fcm/send/a",
        "https://fcm.googleapis.com:6379/fcm/send/a",
        "https://fcm.googleapis.com./fcm/send/a",
        "https://xn--fcm-xyz.fcm.googleapis.com/x",
        "https://a..fcm.googleapis.com/x",
        "https://-a.fcm.googleapis.com/x",
        "https://fcm.googleapis.com.0x7f/x",
        "https://fcm.googleapis.com.1/x",
    ],
)
def test_other_hosts_ip_literals_user_names_and_ports_are_refused(push_dns, endpoint):
    assert _code(endpoint) == "not_push_service"


@pytest.mark.parametrize(
    "endpoint",
    [
        "",
        None,
        42,
        "http://fcm.googleapis.com/fcm/send/a",
        "wss://fcm.googleapis.com/fcm/send/a",
        "//fcm.googleapis.com/fcm/send/a",
        "https:fcm.googleapis.com/fcm/send/a",
        "https://fcm.googleapis.com/fcm/send/" + "a" * 1000,
        "https://fcm.googleapis.com/fcm send/a",
        "https://fcm.googleapis.com/fcm/send/a\r\nHost: 127.0.0.1",
        "https://fcm.googleapis.com\\@127.0.0.1/x",
        "https://fcm.googleapis.cöm/fcm/send/a",
        "https://fcm.googleapis.com/fcm/send/é",
        "https://fcm.googleapis.com:99999/fcm/send/a",
        "https://fcm.googleapis.com:abc/fcm/send/a",
    ],
)
def test_what_is_not_a_plain_https_url_is_refused(push_dns, endpoint):
    assert _code(endpoint) in {"unreadable", "not_push_service"}


def test_an_https_url_with_another_scheme_case_is_unreadable(push_dns):
    assert _code("http://fcm.googleapis.com/fcm/send/a") == "unreadable"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.5",
        "172.16.3.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff0e::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_a_push_host_that_resolves_to_a_private_address_is_refused(push_dns, address):
    push_dns["fcm.googleapis.com"] = ["142.250.74.106", address]
    assert _code("https://fcm.googleapis.com/fcm/send/a") == "not_push_service"


def test_a_host_that_does_not_resolve_is_refused_with_try_again(push_dns):
    del push_dns["fcm.googleapis.com"]
    with pytest.raises(ValidationError) as error:
        push_endpoint_validate("https://fcm.googleapis.com/fcm/send/a")
    assert error.value.code == "not_resolved"
    assert "Try again" in error.value.messages[0]


def test_the_list_of_push_services_is_a_setting(push_dns, settings):
    settings.PUSH_SERVICE_HOSTS = ["*.push.example.net", "push.example.org"]
    push_dns["eu.push.example.net"] = ["93.184.215.14"]
    push_dns["push.example.org"] = ["151.101.1.69"]
    push_dns["notpush.example.org"] = ["151.101.1.70"]
    assert push_endpoint_validate("https://eu.push.example.net/a")
    assert push_endpoint_validate("https://push.example.org/a")
    assert _code("https://notpush.example.org/a") == "not_push_service"
    assert _code("https://fcm.googleapis.com/fcm/send/a") == "not_push_service"


def _public_getaddrinfo(host, port, *args, **kwargs):
    return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("8.8.8.8", port))]


def _ip_literal_forms(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[str]:
    if address.version == 6:
        return [f"[{address}]", f"[{address.exploded}]"]
    number = int(address)
    octets = str(address).split(".")
    return [
        str(address),
        str(number),
        hex(number),
        ".".join(oct(int(octet)).replace("0o", "0") for octet in octets),
        ".".join(hex(int(octet)) for octet in octets),
        f"{octets[0]}.{int(address) & 0xFFFFFF}",
    ]


@given(address=st.ip_addresses(), data=st.data())
def test_no_ip_literal_is_accepted_even_when_listed_and_resolving_to_a_public_address(
    address, data
):
    """The allow-list names the literal itself and DNS answers a public address: only the
    refusal of IP literals stands in the way."""
    host = data.draw(st.sampled_from(_ip_literal_forms(address)))
    with (
        override_settings(PUSH_SERVICE_HOSTS=[host.strip("[]"), host]),
        mock.patch.object(socket, "getaddrinfo", _public_getaddrinfo),
        pytest.raises(ValidationError),
    ):
        push_endpoint_validate(f"https://{host}/push")


@given(
    user=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:._-", min_size=0, max_size=20),
    target=st.sampled_from(["127.0.0.1", "fcm.googleapis.com", "10.0.0.1", "localhost"]),
)
def test_no_url_with_a_user_name_is_accepted(user, target):
    with (
        mock.patch.object(socket, "getaddrinfo", _public_getaddrinfo),
        pytest.raises(ValidationError),
    ):
        push_endpoint_validate(f"https://{user}@{target}/fcm/send/a")
