"""With the page cache in Redis, each server process answers its hottest pages from
memory before Django is called (the WSGI front), drops them the moment another process
clears the cache, and stops trusting them whenever it cannot be sure to hear of a clear."""

import io
import os
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from portal import page_cache
from portal.page_cache_front import PageCacheFront
from portal.page_cache_local import CHANNEL
from portal.page_cache_scopes import ALL, scope_key

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

REDIS_URL = "redis://127.0.0.1:6379/15"


class Counting:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


@pytest.fixture
def server(settings):
    """The front around Django, as portal/wsgi.py builds it, with the page cache in Redis."""
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    }
    from django.core.cache import cache

    cache.clear()
    # as Django's test client does: keep the test's database connection open
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    inner = Counting()
    yield PageCacheFront(inner), inner
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    cache.clear()


def get(app, path="/fr/", method="GET", **extra):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **extra,
    }
    answer = {}
    chunks = app(environ, lambda status, headers, exc_info=None: answer.update(s=status, h=headers))
    body = b"".join(chunks)
    getattr(chunks, "close", lambda: None)()
    return answer["s"], dict(answer["h"]), body


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


def _warm(app):
    assert get(app)[1]["X-Page-Cache"] == "miss"
    assert _until(lambda: page_cache._local.version is not None), "listener never subscribed"
    assert get(app)[1]["X-Page-Cache"] == "hit"  # from Redis, kept by the front


def test_a_hot_page_never_reaches_django_and_a_clear_elsewhere_drops_it_at_once(demo_site, server):
    app, django = server
    _warm(app)
    status, headers, body = get(app)
    expected = get(django)  # the same page through Django: the same answer
    django.calls = 0
    for _ in range(5):
        assert get(app) == (status, headers, body)
    assert django.calls == 0
    assert status.startswith("200") and headers["X-Page-Cache"] == "hit"
    assert body == expected[2]
    assert {k: v for k, v in headers.items() if k != "X-Page-Cache"} == {
        k: v for k, v in expected[1].items() if k != "X-Page-Cache"
    }
    assert "Content-Security-Policy" in headers and "Expires" in headers
    assert get(app, method="HEAD")[2] == b""

    _clear_in_another_process()
    assert get(app)[1]["X-Page-Cache"] == "miss"  # the very next request is fresh
    assert django.calls == 1


def test_signed_in_visitors_and_forms_always_reach_django(demo_site, server):
    app, django = server
    _warm(app)
    django.calls = 0
    get(app, HTTP_COOKIE=f"{django_settings.SESSION_COOKIE_NAME}=abc")
    get(app, method="POST", CONTENT_LENGTH="0")
    get(app, HTTP_AUTHORIZATION="Bearer x")
    get(app, path="/admin/login/")
    assert django.calls == 4


def test_without_a_live_subscription_nothing_is_answered_from_memory(demo_site, server):
    app, django = server
    _warm(app)
    server_connection = redis.Redis.from_url(REDIS_URL)
    server_connection.client_kill_filter(_type="pubsub")
    assert _until(lambda: page_cache._local.version is None), "the lost connection went unseen"
    # A clear whose announcement nobody can hear: the version alone must be enough.
    server_connection.incr(":1:" + scope_key(ALL))
    server_connection.incr(":1:" + page_cache.VERSION_KEY)
    django.calls = 0
    assert get(app)[1]["X-Page-Cache"] == "miss"
    assert django.calls == 1

    assert _until(lambda: page_cache._local.version is not None), "never subscribed again"
    get(app)  # kept again
    django.calls = 0
    assert get(app)[1]["X-Page-Cache"] == "hit"
    assert django.calls == 0


def test_every_clear_is_announced_with_its_version(server):
    listener = redis.Redis.from_url(REDIS_URL).pubsub()
    listener.subscribe(CHANNEL)
    assert listener.get_message(timeout=2)["type"] == "subscribe"
    page_cache.page_cache_clear()
    message = listener.get_message(timeout=2)
    assert message["type"] == "message"
    version = redis.Redis.from_url(REDIS_URL).get(":1:" + page_cache.VERSION_KEY)
    assert int(message["data"]) == int(version)
    listener.close()


def test_tracking_parameters_are_answered_from_memory_as_the_page_itself(demo_site, server):
    app, django = server
    _warm(app)
    page = get(app)
    django.calls = 0
    for query in ("utm_source=newsletter", "fbclid=IwAR0&gclid=x", "made_up=1"):
        assert get(app, QUERY_STRING=query) == page
    assert django.calls == 0


def test_a_poller_whose_banner_is_current_gets_304_from_memory(demo_site, server):
    from django.urls import reverse

    app, django = server
    banner = reverse("alerts_data:banner", args=["fr"])
    assert get(app, banner)[1]["X-Page-Cache"] == "miss"
    assert _until(lambda: page_cache._local.version is not None), "listener never subscribed"
    status, headers, _body = get(app, banner)  # kept in memory now
    etag = headers["ETag"]
    django.calls = 0
    status, headers, body = get(app, banner, HTTP_IF_NONE_MATCH=etag)
    assert status.startswith("304") and body == b"" and headers["X-Page-Cache"] == "hit"
    assert django.calls == 0
    status, _headers, _body = get(app, banner, HTTP_IF_NONE_MATCH='"another"')
    assert status.startswith("200")
