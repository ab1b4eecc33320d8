"""From approval to the recipients, through the real senders and local protocol peers."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.mail.backends.smtp import EmailBackend
from django.utils import timezone
from twilio.request_validator import RequestValidator

from alerts import services as alert_services
from alerts.channels.base import SendResult
from alerts.channels.email import EmailChannel
from alerts.channels.outbox import OutboxChannel
from alerts.delivery import ledger
from alerts.delivery.messages import MessageBuilder
from alerts.delivery.models import Delivery, Priority
from alerts.delivery.services import delivery_run, delivery_send_batch
from alerts.dispatch import alert_dispatch, alerts_dispatch_stuck
from alerts.factories import AlertFactory, ApproverFactory
from alerts.outgoing import alert_fingerprint
from alerts.rendering import sms_suffix
from alerts.subscriptions.models import ContactPoint
from tests.peers.twilio import AUTH_TOKEN

pytestmark = pytest.mark.django_db


def _approve(alert, run_on_commit):
    alert_services.alert_submit(alert=alert, user=alert.created_by)
    with run_on_commit(execute=True):
        alert_services.alert_approve(
            alert=alert, user=ApproverFactory(), fingerprint=alert_fingerprint(alert)
        )
    alert.refresh_from_db()
    return alert


def _push_audience(make_audience, peer, n, **kw):
    def address(i):
        sub = peer.subscription(i)
        return {"address": sub["endpoint"], "push_keys": sub["keys"]}

    return make_audience(n, channel="push", address=address, **kw)


def test_an_approved_alert_reaches_every_channel_once(
    make_audience,
    push_settings,
    twilio_settings,
    smtp_settings,
    django_capture_on_commit_callbacks,
):
    _push_audience(make_audience, push_settings, 5)
    make_audience(3, channel="sms", address=lambda i: {"address": f"+3247099200{i}"})
    emails = make_audience(2, channel="email", language="nl")
    alert = _approve(AlertFactory(severity="Severe"), django_capture_on_commit_callbacks)

    assert alert.state == "sent" and alert.sent is not None
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    # push: every payload decrypted by the subscriber's key, marked urgent, one topic
    assert sorted(r.subscriber for r in push_settings.received) == [0, 1, 2, 3, 4]
    first = push_settings.received[0]
    assert first.json["title"] == "Rejet chimique : mettez-vous à l'abri"
    assert first.headers["urgency"] == "high"
    assert len({r.headers["topic"] for r in push_settings.received}) == 1
    # SMS through the real twilio SDK
    assert len(twilio_settings.messages) == 3
    assert twilio_settings.messages[0]["Body"] == "ALERTE: rentrez, fermez les fenetres." + (
        sms_suffix(alert, "fr")
    )
    # email in the subscriber's language, with one-click unsubscribe
    assert len(smtp_settings.messages) == 2
    mail = smtp_settings.to(emails[0].address)[0]
    assert mail["Subject"] == "Chemische lozing: ga naar binnen"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # dispatching again sends nothing more
    alert_dispatch(alert_id=alert.pk)
    assert ledger.ledger_create(alert) == 0
    assert len(smtp_settings.messages) == 2


def test_exercise_goes_to_the_test_audience_marked_as_such(
    make_audience, push_settings, django_capture_on_commit_callbacks
):
    _push_audience(make_audience, push_settings, 2)
    from alerts.subscriptions.factories import ContactPointFactory, SubscriberFactory

    volunteer = SubscriberFactory(audience="test")
    sub = push_settings.subscription(99)
    ContactPointFactory(
        subscriber=volunteer, channel="push", address=sub["endpoint"], push_keys=sub["keys"]
    )
    _approve(AlertFactory(status="Exercise"), django_capture_on_commit_callbacks)

    assert [r.subscriber for r in push_settings.received] == [99]
    assert push_settings.received[0].json["title"].startswith("EXERCICE / OEFENING / EXERCISE")


def test_a_gone_push_subscription_is_deactivated(
    make_audience, push_settings, django_capture_on_commit_callbacks
):
    points = _push_audience(make_audience, push_settings, 2)
    push_settings.respond = lambda subscriber, attempt: (410, {}) if subscriber == 1 else None
    _approve(AlertFactory(), django_capture_on_commit_callbacks)

    assert ContactPoint.objects.get(pk=points[1].pk).active is False
    assert ContactPoint.objects.get(pk=points[0].pk).active is True
    states = dict(Delivery.objects.values_list("contact_point_id", "state"))
    assert states == {points[0].pk: "sent", points[1].pk: "failed"}


def test_sms_21610_deactivates_the_number(
    make_audience, twilio_settings, django_capture_on_commit_callbacks
):
    (point,) = make_audience(1, channel="sms", address=lambda i: {"address": "+32470992999"})
    twilio_settings.fail_next(400, 21610)
    _approve(AlertFactory(), django_capture_on_commit_callbacks)
    point.refresh_from_db()
    assert point.active is False and point.deactivated_reason == "gone"


def test_transient_failures_are_retried_later_not_lost(
    make_audience, push_settings, settings, django_capture_on_commit_callbacks
):
    _push_audience(make_audience, push_settings, 3)
    push_settings.respond = lambda subscriber, attempt: (503, {}) if attempt == 1 else None
    alert = _approve(AlertFactory(), django_capture_on_commit_callbacks)
    assert set(Delivery.objects.values_list("state", flat=True)) == {"queued"}
    assert push_settings.received == []

    Delivery.objects.update(next_attempt_at=timezone.now())  # the back-off has elapsed
    delivery_run(channel_name="push")
    assert set(Delivery.objects.filter(alert=alert).values_list("state", flat=True)) == {"sent"}
    assert sorted(r.subscriber for r in push_settings.received) == [0, 1, 2]


def test_an_all_clear_overtakes_the_queue_of_the_alert_it_ends(
    make_audience, push_settings, django_capture_on_commit_callbacks
):
    _push_audience(make_audience, push_settings, 4)
    original = AlertFactory(state="sending")
    with django_capture_on_commit_callbacks(execute=False):  # senders not started yet
        alert_dispatch(alert_id=original.pk)
    assert Delivery.objects.filter(alert=original, state="queued").count() == 4

    cancel = alert_services.alert_prepare_cancel(original=original, user=original.created_by)
    _approve(cancel, django_capture_on_commit_callbacks)

    assert set(Delivery.objects.filter(alert=original).values_list("state", flat=True)) == {
        "cancelled"
    }
    assert set(Delivery.objects.filter(alert=cancel).values_list("state", flat=True)) == {"sent"}
    assert all(r.json["title"] != original.info_for("fr").headline for r in push_settings.received)
    assert len(push_settings.received) == 4


def test_nothing_is_sent_after_the_alert_expired(make_audience, push_settings):
    _push_audience(make_audience, push_settings, 2)
    alert = AlertFactory(state="sending", expires=timezone.now() + timedelta(hours=1))
    alert_dispatch(alert_id=alert.pk)  # on_commit not run: senders not started
    AlertFactory._meta.model.objects.filter(pk=alert.pk).update(
        expires=timezone.now() - timedelta(seconds=1)
    )
    delivery_run(channel_name="push")
    assert push_settings.received == []
    assert set(Delivery.objects.values_list("state", flat=True)) == {"cancelled"}


def test_an_alert_left_in_sending_by_a_crash_is_dispatched_by_the_sweeper(
    make_audience, push_settings, django_capture_on_commit_callbacks
):
    _push_audience(make_audience, push_settings, 3)
    alert = AlertFactory()
    alert_services.alert_submit(alert=alert, user=alert.created_by)
    with django_capture_on_commit_callbacks(execute=False):  # the process dies here
        alert_services.alert_approve(
            alert=alert, user=ApproverFactory(), fingerprint=alert_fingerprint(alert)
        )
    assert Delivery.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        alerts_dispatch_stuck(stuck_after_seconds=0)

    alert.refresh_from_db()
    assert alert.state == "sent"
    assert sorted(r.subscriber for r in push_settings.received) == [0, 1, 2]


def _status(client, **data):
    url = "http://testserver/webhooks/twilio/status"
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, data)
    return client.post("/webhooks/twilio/status", data, HTTP_X_TWILIO_SIGNATURE=signature)


def test_twilio_status_callbacks_move_rows_forward_only(
    client, make_audience, twilio_settings, django_capture_on_commit_callbacks
):
    make_audience(1, channel="sms", address=lambda i: {"address": "+32470993000"})
    _approve(AlertFactory(), django_capture_on_commit_callbacks)
    row = Delivery.objects.get()
    sid = row.provider_id
    assert sid.startswith("SM")

    forged = client.post(
        "/webhooks/twilio/status",
        {"MessageSid": sid, "MessageStatus": "failed"},
        HTTP_X_TWILIO_SIGNATURE="forged",
    )
    assert forged.status_code == 403
    assert _status(client, MessageSid=sid, MessageStatus="delivered").status_code == 204
    assert _status(client, MessageSid=sid, MessageStatus="delivered").status_code == 204
    assert _status(client, MessageSid=sid, MessageStatus="sent").status_code == 204
    assert _status(client, MessageSid=sid, MessageStatus="failed").status_code == 204
    row.refresh_from_db()
    assert row.state == "delivered" and row.delivered_at is not None


@pytest.mark.parametrize("first", ["delivered", "undelivered"])
def test_a_21610_callback_for_a_message_no_longer_sent_changes_nothing(
    client, make_audience, twilio_settings, django_capture_on_commit_callbacks, first
):
    (point,) = make_audience(1, channel="sms", address=lambda i: {"address": "+32470993001"})
    _approve(AlertFactory(), django_capture_on_commit_callbacks)
    row = Delivery.objects.get()
    assert _status(client, MessageSid=row.provider_id, MessageStatus=first).status_code == 204
    point.refresh_from_db()
    assert point.active is True

    late = {"MessageSid": row.provider_id, "MessageStatus": "undelivered", "ErrorCode": "21610"}
    assert _status(client, **late).status_code == 204
    row.refresh_from_db()
    point.refresh_from_db()
    assert row.state == first.replace("undelivered", "failed")
    assert point.active is True and point.deactivated_reason == ""


def test_a_21610_callback_for_a_sent_message_fails_it_and_deactivates_the_number(
    client, make_audience, twilio_settings, django_capture_on_commit_callbacks
):
    (point,) = make_audience(1, channel="sms", address=lambda i: {"address": "+32470993002"})
    _approve(AlertFactory(), django_capture_on_commit_callbacks)
    row = Delivery.objects.get()
    callback = {"MessageSid": row.provider_id, "MessageStatus": "undelivered", "ErrorCode": "21610"}
    assert _status(client, **callback).status_code == 204
    row.refresh_from_db()
    point.refresh_from_db()
    assert row.state == "failed" and "21610" in row.last_error
    assert point.active is False and point.deactivated_reason == "gone"


def test_a_crash_in_the_middle_of_a_batch_leaves_only_the_slice_in_flight_in_doubt(
    make_audience, sending_alert, settings, monkeypatch
):
    """Answers are committed slice by slice (push and SMS, whose `send_many` answers a
    slice at once): what was sent before the crash stays sent."""
    settings.DELIVERY_BATCH_SIZE = 10
    settings.DELIVERY_RECORD_EVERY = 4
    make_audience(10, channel="email")
    ledger.ledger_create(sending_alert())
    channel = OutboxChannel("email")
    calls = []

    def send_many(messages):
        calls.append(len(messages))
        if len(calls) == 2:
            raise SystemExit("worker killed")  # the process dies mid-batch
        return [SendResult.sent(m.reference) for m in messages]

    monkeypatch.setattr(channel, "send_many", send_many)
    with pytest.raises(SystemExit):
        delivery_send_batch(channel_name="email", channel=channel, builder=MessageBuilder())
    states = sorted(Delivery.objects.values_list("state", flat=True))
    assert states.count("sent") == 4  # the first slice, answered before the crash
    assert states.count("sending") == 6  # claimed: only 4 of them ever left


class WorkerKilledOnceAccepted(EmailBackend):
    """Django's SMTP backend in a worker killed right after the server accepted the
    `die_after`-th message: the server has it, the worker never learnt it."""

    def __init__(self, die_after: int, **kwargs):
        super().__init__(**kwargs)
        self.die_after = die_after
        self.accepted = 0

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        self.accepted += sent
        if self.accepted == self.die_after:
            raise SystemExit("worker killed")
        return sent


def _kill_then_resume(kills, settings):
    """One worker per kill, each killed once its server accepted that many emails; after
    each, the lease runs out and the sweep re-queues what the dead worker held. Then one
    worker that is left alone sends the rest."""
    for die_after in kills:
        channel = EmailChannel(connection=WorkerKilledOnceAccepted(die_after))
        with pytest.raises(SystemExit):
            delivery_send_batch(channel_name="email", channel=channel, builder=MessageBuilder())
        lease_over = timezone.now() + timedelta(seconds=settings.DELIVERY_LEASE_SECONDS + 1)
        assert ledger.ledger_sweep(lease_over) > 0
    delivery_run(channel_name="email")


# One worker killed after the server accepted the first, a middle, the last email of a
# slice (slices of 4), the last of its batch; two workers killed one after the other.
@pytest.mark.parametrize("kills", [(1,), (3,), (4,), (6,), (10,), (3, 2)])
def test_a_worker_killed_mid_batch_sends_at_most_one_email_again(
    make_audience, sending_alert, settings, smtp_settings, kills
):
    settings.DELIVERY_BATCH_SIZE = 10
    settings.DELIVERY_RECORD_EVERY = 4
    points = make_audience(12, channel="email")
    ledger.ledger_create(sending_alert())

    _kill_then_resume(kills, settings)

    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    copies = Counter(to for received in smtp_settings.messages for to in received.rcpt_tos)
    assert sorted(copies) == sorted(point.address for point in points)  # nobody missed
    assert max(copies.values()) <= 2
    twice = [address for address, count in copies.items() if count == 2]
    assert len(twice) <= len(kills)  # at most the one email in doubt per crashed worker
    for address in twice:  # sent again as the same message, for clients to deduplicate
        assert len({mail["Message-ID"] for mail in smtp_settings.to(address)}) == 1


def test_a_sender_hands_over_to_a_channel_with_more_urgent_messages(
    make_audience, settings, django_capture_on_commit_callbacks
):
    """Senders sharing one worker: the email sender, busy with a long Severe fan-out,
    stops after its batch once a correction is due on SMS, so that the correction goes
    out on every channel before the rest of the Severe emails."""
    settings.DELIVERY_BATCH_SIZE = 2
    make_audience(6, channel="email")
    severe = AlertFactory(state="sending", severity="Severe")
    with django_capture_on_commit_callbacks(execute=False):
        alert_dispatch(alert_id=severe.pk)
    assert not ledger.ledger_outranked("email")

    (phone,) = make_audience(1, channel="sms", address=lambda i: {"address": "+32470000001"})
    other_incident = AlertFactory(state="sent", correction=True, msg_type="Cancel")
    now = timezone.now()
    Delivery.objects.create(
        alert=other_incident,
        contact_point=phone,
        channel="sms",
        language="fr",
        priority=Priority.CORRECTION,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )
    assert ledger.ledger_outranked("email") and not ledger.ledger_outranked("sms")

    assert delivery_run(channel_name="email") == 2  # one batch, then it hands over
    assert Delivery.objects.filter(alert=severe, state="queued").count() == 4
    assert delivery_run(channel_name="sms") == 1
    assert delivery_run(channel_name="email") == 4  # nothing more urgent: it finishes
