"""Configuring official feeds in the admin."""

import pytest
from django.urls import reverse

from alerts.factories import UserFactory
from alerts.relay.models import ExternalFeed
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = UserFactory(username="admin", is_superuser=True, is_staff=True)
    return login_with_second_factor(client, user)


def _add(client, url):
    return client.post(
        reverse("official_feeds:add"),
        {"name": "MeteoAlarm", "url": url, "kind": "atom", "enabled": "on", "poll_minutes": "5"},
    )


def test_a_feed_is_added_with_an_https_address_only(admin_client):
    refused = _add(admin_client, "http://feeds.example/belgium")
    assert refused.status_code == 200
    assert "Only https:// addresses are accepted." in refused.content.decode()
    assert not ExternalFeed.objects.exists()

    _add(admin_client, "https://feeds.example/belgium")
    assert ExternalFeed.objects.get().url == "https://feeds.example/belgium"


def test_the_feed_list_shows_the_last_error_escaped(admin_client):
    ExternalFeed.objects.create(
        name="BE-Alert", url="https://x.example/", kind="cap", last_error="<b>boom</b>"
    )
    page = admin_client.get(reverse("official_feeds:index")).content.decode()
    assert "&lt;b&gt;boom&lt;/b&gt;" in page
