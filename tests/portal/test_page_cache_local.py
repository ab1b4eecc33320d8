"""With the page cache in Redis, each server process keeps its hottest pages in memory,
and drops them the moment another process clears the cache — or stops trusting them
whenever it cannot be sure to hear of a clear."""

import os
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings as django_settings

from portal import page_cache
from portal.page_cache_local import CHANNEL

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_page_cache(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    }
    from django.core.cache import cache
    from django_redis.cache import RedisCache

    cache.clear()
    trips = []
    original = RedisCache.get_many
    monkeypatch.setattr(
        RedisCache, "get_many", lambda self, *a, **kw: trips.append(1) or original(self, *a, **kw)
    )
    yield trips
    cache.clear()


def _until(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _clear_in_another_process():
    """page_cache_clear() as a task worker or another server would run it."""
    env = {**os.environ, "CACHE_URL": REDIS_URL, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    subprocess.run(  # noqa: S603 - our own manage.py
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from portal.page_cache import page_cache_clear; page_cache_clear()",
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        check=True,
    )


def _warm(client):
    assert client.get("/fr/")["X-Page-Cache"] == "miss"
    assert _until(lambda: page_cache._local.version is not None), "listener never subscribed"
    assert client.get("/fr/")["X-Page-Cache"] == "hit"  # from Redis, kept in memory


def test_a_hot_page_costs_no_redis_round_trip_and_a_clear_elsewhere_drops_it_at_once(
    client, demo_site, redis_page_cache
):
    _warm(client)
    redis_page_cache.clear()
    for _ in range(5):
        assert client.get("/fr/")["X-Page-Cache"] == "hit"
    assert redis_page_cache == []  # served from this process's memory

    _clear_in_another_process()
    assert client.get("/fr/")["X-Page-Cache"] == "miss"  # the very next request is fresh


def test_without_a_live_subscription_nothing_is_served_from_memory(
    client, demo_site, redis_page_cache
):
    _warm(client)
    server = redis.Redis.from_url(REDIS_URL)
    server.client_kill_filter(_type="pubsub")
    assert _until(lambda: page_cache._local.version is None), "the lost connection went unseen"
    # A clear whose announcement nobody can hear: the version alone must be enough.
    server.incr(":1:" + page_cache.VERSION_KEY)
    redis_page_cache.clear()
    assert client.get("/fr/")["X-Page-Cache"] == "miss"
    assert redis_page_cache != []  # asked Redis

    assert _until(lambda: page_cache._local.version is not None), "never subscribed again"
    assert client.get("/fr/")["X-Page-Cache"] == "hit"
    redis_page_cache.clear()
    assert client.get("/fr/")["X-Page-Cache"] == "hit"
    assert redis_page_cache == []


def test_every_clear_is_announced_with_its_version(client, demo_site, redis_page_cache):
    listener = redis.Redis.from_url(REDIS_URL).pubsub()
    listener.subscribe(CHANNEL)
    assert listener.get_message(timeout=2)["type"] == "subscribe"
    page_cache.page_cache_clear()
    message = listener.get_message(timeout=2)
    assert message["type"] == "message"
    version = redis.Redis.from_url(REDIS_URL).get(":1:" + page_cache.VERSION_KEY)
    assert int(message["data"]) == int(version)
    listener.close()
