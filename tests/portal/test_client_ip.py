from django.test import RequestFactory

from portal.client_ip import client_ip

factory = RequestFactory()


def test_ipv6_clients_count_per_64_network():
    one = factory.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    two = factory.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_ip(one) == client_ip(two) == "2001:db8:1:2::/64"
    assert client_ip(factory.get("/", REMOTE_ADDR="192.0.2.7")) == "192.0.2.7"


def test_the_proxy_header_is_read_only_when_configured(settings):
    request = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="192.0.2.9")
    settings.TRUSTED_CLIENT_IP_HEADER = ""
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(request) == "192.0.2.9"


def test_a_forwarded_list_counts_the_address_the_proxy_appended(settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Forwarded-For"
    request = factory.get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66, 192.0.2.9"
    )
    assert client_ip(request) == "192.0.2.9"
