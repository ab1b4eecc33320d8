import pytest

from alerts.relay.models import ExternalFeed, FeedKind
from tests.relay.feed_server import FeedServer


@pytest.fixture(autouse=True)
def _english_and_loopback(settings):
    """Messages are asserted in English; plain http to 127.0.0.1 is allowed, as in development."""
    from django.utils import translation

    settings.RELAY_ALLOW_HTTP_LOOPBACK = True
    with translation.override("en"):
        yield


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server


@pytest.fixture
def atom_feed(db, feed_server):
    return ExternalFeed.objects.create(
        name="MeteoAlarm Belgium", url=feed_server.url("/feed.atom"), kind=FeedKind.ATOM
    )


@pytest.fixture(autouse=True)
def _english_admin(settings):
    """The admin pages are read in English (the source language), like the messages."""
    settings.LANGUAGE_CODE = "en"
