"""Shared fixtures, and the rule for tests that need a real service.

A test marked `postgres`, `redis` or `browser` runs only when its service is there. When it
is absent the test is skipped with the reason printed (pytest -ra shows it), unless
LUX_REQUIRE_SERVICES=1 (set by .ci/run), where an absent service is an error: CI never
counts a skip as proof.
"""

import os
import shutil
import socket

import pytest
from django.conf import settings

# Local protocol peers (push service, SMTP server, Twilio REST API) as fixtures.
pytest_plugins = ["tests.peers.push", "tests.peers.smtp", "tests.peers.twilio"]


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def _service_problems() -> dict[str, str | None]:
    engine = settings.DATABASES["default"]["ENGINE"]
    return {
        "postgres": None
        if engine == "django.db.backends.postgresql"
        else "needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test "
        "(.ci/run does)",
        "redis": None if _redis_reachable() else "needs Redis on 127.0.0.1:6379",
        "browser": None
        if shutil.which("chromium") or os.path.exists("/usr/bin/chromium")
        else "needs Debian's chromium (apt-get install -y chromium)",
    }


def pytest_collection_modifyitems(config, items):
    problems = _service_problems()
    required = os.environ.get("LUX_REQUIRE_SERVICES") == "1"
    for item in items:
        for marker, reason in problems.items():
            if reason and item.get_closest_marker(marker):
                if required:
                    item.add_marker(pytest.mark.usefixtures("_service_missing_" + marker))
                else:
                    item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def _service_missing_postgres():
    pytest.fail(_service_problems()["postgres"] or "", pytrace=False)


@pytest.fixture
def _service_missing_redis():
    pytest.fail(_service_problems()["redis"] or "", pytrace=False)


@pytest.fixture
def _service_missing_browser():
    pytest.fail(_service_problems()["browser"] or "", pytrace=False)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (page URLs, rate limits, cached pages)."""
    from django.core.cache import caches

    from portal.page_cache import _local

    for cache in caches.all():
        cache.clear()
    yield
    _local.stop()  # a test that put the page cache in Redis leaves no listener behind


@pytest.fixture(autouse=True)
def _local_state_in_tmp(settings, tmp_path):
    """Local state (the outbox, uploaded files) goes to a per-test folder, never to var/."""
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_site(db):
    """The portal's demo seed: locales fr/nl/en and a published home page in each."""
    from portal import demo

    context = demo.DemoContext()
    demo.seed(context)
    return context


def login_with_second_factor(client, user):
    """Sign `user` in with a verified second factor (a confirmed TOTP device), as the admin
    requires of alert roles and superusers."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def browser():
    """Debian's Chromium through Playwright (tests marked `browser`)."""
    from tests.browser import chromium

    with chromium.session() as browser:
        yield browser
