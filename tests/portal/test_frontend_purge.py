"""The caching reverse proxy is purged of what changed, once committed, when one is
configured: a loopback server stands in for it and records the PURGE requests."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from alerts.events import record_event
from alerts.factories import SentAlertFactory
from alerts.models import AlertState
from campaigns.models import GuidePage

pytestmark = pytest.mark.django_db

SITE = "https://alerte.example.brussels"


class _Recorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def configured(settings, proxy):
    settings.WAGTAILADMIN_BASE_URL = SITE
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "portal.frontend_purge.TimedHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{proxy.server_address[1]}",
            "TIMEOUT": 2,
        }
    }
    return proxy


@pytest.fixture
def site(db):
    call_command("seed_demo", stdout=io.StringIO())


def _paths(proxy) -> set[str]:
    assert {host for host, _path in proxy.purged} <= {"alerte.example.brussels"}
    return {path for _host, path in proxy.purged}


def _publish_a_guide(django_capture_on_commit_callbacks) -> GuidePage:
    guide = GuidePage.objects.live().filter(locale__language_code="fr").first()
    guide.title = "Se mettre à l'abri"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    return guide


def test_publishing_a_guide_purges_its_pages_in_french_and_dutch_and_its_listing(
    site, configured, django_capture_on_commit_callbacks
):
    guide = _publish_a_guide(django_capture_on_commit_callbacks)
    dutch = guide.get_translation(guide.get_translations().first().locale)
    purged = _paths(configured)
    assert guide.url in purged
    assert dutch.url in purged and dutch.url.startswith("/nl/")
    assert guide.get_parent().url in purged  # the guide listing
    assert not any(path.endswith("*") for path in purged)  # not the whole language


def test_an_alert_going_out_purges_the_alert_pages_banner_and_feeds(
    site, configured, django_capture_on_commit_callbacks
):
    alert = SentAlertFactory()
    configured.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        record_event(alert=alert, action="sent", user=None, to_state=AlertState.SENT)
    purged = _paths(configured)
    for language in ("fr", "nl"):
        with translation.override(language):
            assert reverse("alerts:list") in purged
        assert reverse("alerts_data:banner", kwargs={"language": language}) in purged
        assert f"/{language}/" in purged
    assert reverse("alerts_data:feed") in purged
    assert reverse("alerts_data:api_list") in purged


def test_without_a_configured_proxy_nothing_is_sent(
    site, settings, proxy, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = None
    _publish_a_guide(django_capture_on_commit_callbacks)
    assert proxy.purged == []


def test_a_proxy_that_fails_is_logged_and_the_publication_still_commits(
    site, settings, django_capture_on_commit_callbacks, caplog
):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "portal.frontend_purge.TimedHTTPBackend",
            "LOCATION": "http://127.0.0.1:9",  # discard port: refused
            "TIMEOUT": 1,
        }
    }
    guide = _publish_a_guide(django_capture_on_commit_callbacks)
    guide.refresh_from_db()
    assert guide.title == "Se mettre à l'abri"
    assert "frontend purge" in caplog.text
