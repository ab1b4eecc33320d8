"""The operators' list of external alerts and the one-click relay in the admin."""

import html

import pytest
from django.urls import reverse

from alerts.cap_vocab import MsgType
from alerts.factories import AuthorFactory, UserFactory
from alerts.models import Alert, AlertState
from alerts.relay.models import ExternalAlert
from alerts.relay.services import feed_poll
from tests.conftest import login_with_second_factor
from tests.relay.documents import atom, reference, warning

pytestmark = pytest.mark.django_db


def _publish(feed_server, *documents):
    paths = []
    for number, document in enumerate(documents, start=1):
        feed_server.serve(f"/w/{number}.xml", document)
        paths.append(f"/w/{number}.xml")
    feed_server.serve("/feed.atom", atom(*paths), content_type="application/atom+xml")


@pytest.fixture
def author_client(client):
    return login_with_second_factor(client, AuthorFactory(username="operator"))


def _relay(client, external):
    return client.post(reverse("relay_admin:relay", args=[external.pk]))


def test_relay_makes_exactly_one_draft_for_the_normal_approval(
    feed_server, atom_feed, author_client
):
    _publish(feed_server, warning("BE-1"))
    feed_poll(feed=atom_feed)
    external = ExternalAlert.objects.get()
    page = author_client.get(reverse("relay_admin:index")).content.decode()
    assert "Relay as a draft" in page

    first = _relay(author_client, external)
    second = _relay(author_client, external)

    alert = Alert.objects.get()  # the second click made no other
    assert first.url == second.url == reverse("alerts_admin:detail", args=[alert.pk])
    assert alert.state == AlertState.DRAFT  # never sent, never even submitted by the relay
    assert alert.msg_type == MsgType.ALERT
    assert set(alert.infos_by_language()) == {"fr", "nl", "en", "de"}
    assert alert.whole_region
    external.refresh_from_db()
    assert external.relayed_alert == alert
    page = author_client.get(reverse("relay_admin:index")).content.decode()
    assert f"Relayed as {alert.identifier}" in page


def test_an_update_from_the_same_sender_is_offered_as_an_update_of_the_relayed_alert(
    feed_server, atom_feed, author_client
):
    original = warning("BE-1")
    _publish(feed_server, original)
    feed_poll(feed=atom_feed)
    _relay(author_client, ExternalAlert.objects.get())
    ours = Alert.objects.get()
    ours.state = AlertState.SENT  # approved and sent meanwhile
    ours.save(update_fields=["state"])
    update = warning("BE-2", msg_type="Update", references=reference(original))
    _publish(feed_server, original, update)
    feed_poll(feed=atom_feed)

    page = author_client.get(reverse("relay_admin:index")).content.decode()
    assert f"Relay as an update of {ours.identifier}" in page
    _relay(author_client, ExternalAlert.objects.get(identifier="BE-2"))

    draft = Alert.objects.exclude(pk=ours.pk).get()
    assert draft.msg_type == MsgType.UPDATE
    assert draft.references == ours
    assert draft.state == AlertState.DRAFT


def test_an_update_from_another_sender_does_not_follow_the_relayed_alert(
    feed_server, atom_feed, author_client
):
    original = warning("BE-1")
    _publish(feed_server, original)
    feed_poll(feed=atom_feed)
    _relay(author_client, ExternalAlert.objects.get())
    ours = Alert.objects.get()
    ours.state = AlertState.SENT
    ours.save(update_fields=["state"])
    cancel = warning("X-9", msg_type="Cancel", references=reference(original), sender="x@x.example")
    _publish(feed_server, original, cancel)
    feed_poll(feed=atom_feed)

    page = author_client.get(reverse("relay_admin:index")).content.decode()
    assert "all-clear of" not in page
    response = _relay(author_client, ExternalAlert.objects.get(identifier="X-9"))

    assert response.url == reverse("relay_admin:index")
    assert Alert.objects.count() == 1


def test_a_plain_editor_may_neither_see_nor_relay_external_alerts(feed_server, atom_feed, client):
    _publish(feed_server, warning("BE-1"))
    feed_poll(feed=atom_feed)
    client.force_login(UserFactory(username="editor", groups=["Editors"]))

    listing = client.get(reverse("relay_admin:index"))
    relay = _relay(client, ExternalAlert.objects.get())

    assert listing.status_code == relay.status_code == 302
    assert listing.url == relay.url == reverse("wagtailadmin_home")
    assert not Alert.objects.exists()
    assert ExternalAlert.objects.get().relayed_alert is None


def test_a_hostile_headline_and_a_failing_feed_are_shown_escaped(
    feed_server, atom_feed, author_client, settings
):
    settings.LANGUAGE_CODE = "fr"  # a French admin reads the French headline
    _publish(feed_server, warning("BE-1", headline="<script>alert(1)</script>"))
    feed_poll(feed=atom_feed)
    feed_server.serve("/feed.atom", b"<feed><script>alert(2)</script>")
    feed_poll(feed=atom_feed)

    page = author_client.get(reverse("relay_admin:index")).content.decode()

    assert "<script>alert(1)" not in page
    # The admin user's language (French here) when the document has it.
    assert '<td lang="fr-BE">&lt;script&gt;alert(1)&lt;/script&gt; fr-BE</td>' in page
    # The label in the reader's language; the error as the poller wrote it (English here).
    assert "En échec :" in html.unescape(page) and "Not well-formed XML" in page
    assert "<script>alert(2)" not in page
