"""Polling official feeds: what is kept, what is refused and why, and when feeds are polled."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from alerts.cap_import import MAX_DOCUMENT_BYTES
from alerts.relay.models import ExternalAlert, ExternalFeed, FeedKind
from alerts.relay.services import feed_poll, feeds_poll_due
from tests.relay.documents import LIEGE, atom, warning

pytestmark = pytest.mark.django_db

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>"""
DOCTYPE = b"""<?xml version="1.0"?>
<!DOCTYPE alert SYSTEM "http://127.0.0.1:9/cap.dtd">
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>"""


def _serve_brussels_and_liege(feed_server, etag='"v1"'):
    feed_server.serve("/w/brussels.xml", warning("BE-1"))
    feed_server.serve("/w/liege.xml", warning("BE-2", area=LIEGE))
    feed_server.serve(
        "/feed.atom",
        atom("/w/brussels.xml", feed_server.url("/w/liege.xml")),
        content_type="application/atom+xml",
        etag=etag,
    )


def test_a_four_language_warning_for_brussels_is_kept_and_one_for_liege_skipped(
    feed_server, atom_feed
):
    _serve_brussels_and_liege(feed_server)
    outcome = feed_poll(feed=atom_feed)

    assert (outcome.kept, outcome.skipped) == (1, 1)
    kept = ExternalAlert.objects.get()
    assert kept.identifier == "BE-1"
    assert set(kept.texts) == {"nl-BE", "fr-BE", "de-DE", "en-GB"}
    assert kept.texts["fr-BE"]["area"] == "Région de Bruxelles-Capitale"
    assert kept.import_problem == ""  # the CAP import accepts it: it can be relayed
    assert b"<identifier>BE-1</identifier>" in bytes(kept.document)  # kept as received
    atom_feed.refresh_from_db()
    assert atom_feed.last_success_at is not None and atom_feed.last_error == ""


def test_a_second_poll_asks_conditionally_gets_304_and_creates_nothing(feed_server, atom_feed):
    _serve_brussels_and_liege(feed_server)
    feed_poll(feed=atom_feed)
    feed_server.requests.clear()
    ExternalAlert.objects.all().delete()  # anything made now would show

    outcome = feed_poll(feed=atom_feed)

    assert outcome.not_modified
    assert feed_server.paths_requested() == ["/feed.atom"]
    assert feed_server.requests[0][1]["If-None-Match"] == '"v1"'
    assert ExternalAlert.objects.count() == 0


def test_a_changed_feed_fetches_only_its_new_entries(feed_server, atom_feed):
    _serve_brussels_and_liege(feed_server)
    feed_poll(feed=atom_feed)
    feed_server.serve("/w/new.xml", warning("BE-3"))
    feed_server.serve(
        "/feed.atom",
        atom("/w/brussels.xml", "/w/liege.xml", "/w/new.xml"),
        content_type="application/atom+xml",
        etag='"v2"',
    )
    feed_server.requests.clear()

    feed_poll(feed=atom_feed)

    assert feed_server.paths_requested() == ["/feed.atom", "/w/new.xml"]
    assert sorted(ExternalAlert.objects.values_list("identifier", flat=True)) == ["BE-1", "BE-3"]


def test_an_oversize_document_is_refused_with_the_reason_on_the_feed(feed_server):
    feed = ExternalFeed.objects.create(
        name="BE-Alert", url=feed_server.url("/cap.xml"), kind=FeedKind.CAP
    )
    feed_server.serve("/cap.xml", warning("BE-1"), etag='"a"')
    feed_poll(feed=feed)
    success = feed.last_success_at
    big = warning("BE-4", extra=b"<!--" + b"x" * MAX_DOCUMENT_BYTES + b"-->")
    feed_server.serve("/cap.xml", big, etag='"b"')

    feed_poll(feed=feed)

    feed.refresh_from_db()
    assert f"larger than {MAX_DOCUMENT_BYTES} bytes" in feed.last_error
    assert feed.last_success_at == success  # the last success stays shown
    assert list(ExternalAlert.objects.values_list("identifier", flat=True)) == ["BE-1"]


@pytest.mark.parametrize(
    ("document", "reason"),
    [(XXE, "External entity 'xxe'"), (DOCTYPE, "DOCTYPE")],
)
def test_a_hostile_document_is_refused_with_the_reason(feed_server, document, reason):
    feed = ExternalFeed.objects.create(name="X", url=feed_server.url("/cap.xml"), kind="cap")
    feed_server.serve("/cap.xml", document)

    feed_poll(feed=feed)

    feed.refresh_from_db()
    assert reason in feed.last_error
    assert feed.last_success_at is None
    assert not ExternalAlert.objects.exists()
    assert feed_server.paths_requested() == ["/cap.xml"]  # no DTD, no entity fetched


def test_an_atom_entry_linking_to_another_host_is_refused_with_the_reason(feed_server, atom_feed):
    other_port = feed_server.url("/w/brussels.xml").replace("127.0.0.1:", "127.0.0.1:1")
    feed_server.serve("/w/brussels.xml", warning("BE-1"))
    feed_server.serve(
        "/feed.atom",
        atom("https://evil.example/cap.xml", other_port, "/w/brussels.xml"),
        content_type="application/atom+xml",
    )

    outcome = feed_poll(feed=atom_feed)

    atom_feed.refresh_from_db()
    assert outcome.kept == 1
    refusals = atom_feed.last_refusals.splitlines()
    assert len(refusals) == 2
    assert "https://evil.example/cap.xml, not on the feed's own host: refused" in refusals[0]
    assert "not on the feed's own host" in refusals[1]
    assert feed_server.paths_requested() == ["/feed.atom", "/w/brussels.xml"]


def test_only_https_addresses_are_configured_except_loopback_in_development(settings):
    feed = ExternalFeed(name="F", url="http://meteo.example/feed", kind=FeedKind.ATOM)
    with pytest.raises(ValidationError, match="Only https://"):
        feed.full_clean()
    settings.RELAY_ALLOW_HTTP_LOOPBACK = False
    feed.url = "http://127.0.0.1:8000/feed"
    with pytest.raises(ValidationError, match="Only https://"):
        feed.full_clean()
    feed.url = "https://feeds.meteoalarm.example/belgium"
    feed.full_clean()


def test_feeds_are_polled_when_their_interval_has_passed(feed_server, atom_feed):
    _serve_brussels_and_liege(feed_server, etag="")
    disabled = ExternalFeed.objects.create(
        name="Off", url=feed_server.url("/off.atom"), kind=FeedKind.ATOM, enabled=False
    )
    now = timezone.now()

    assert feeds_poll_due(now) == 1
    assert feeds_poll_due(now + timedelta(minutes=4)) == 0
    assert feeds_poll_due(now + timedelta(minutes=5)) == 1
    assert "/off.atom" not in feed_server.paths_requested()
    disabled.refresh_from_db()
    assert disabled.last_polled_at is None


def test_the_periodic_worker_polls_the_feeds(feed_server, atom_feed):
    _serve_brussels_and_liege(feed_server)

    call_command("periodic")

    assert ExternalAlert.objects.get().identifier == "BE-1"
