from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.delivery import ledger
from alerts.delivery.models import Delivery
from alerts.delivery.selectors import delivery_progress
from alerts.factories import ApproverFactory, SentAlertFactory, UserFactory
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert_with_progress(make_audience):
    make_audience(4, channel="email")
    make_audience(2, channel="sms", address=lambda i: {"address": f"+3247099400{i}"})
    alert = SentAlertFactory()
    ledger.ledger_create(alert)
    emails = list(Delivery.objects.filter(channel="email").order_by("pk"))
    Delivery.objects.filter(pk__in=[d.pk for d in emails[:2]]).update(
        state="sent", sent_at=timezone.now()
    )
    Delivery.objects.filter(pk=emails[2].pk).update(state="failed", last_error="mailbox full")
    return alert


def test_progress_counts_throughput_and_time_to_completion(alert_with_progress):
    now = timezone.now()
    sent = list(Delivery.objects.filter(state="sent").order_by("pk"))
    Delivery.objects.filter(pk=sent[0].pk).update(sent_at=now - timedelta(seconds=100))
    Delivery.objects.filter(pk=sent[1].pk).update(sent_at=now - timedelta(seconds=10))
    progress = delivery_progress(alert_with_progress, now=now)
    by_channel = {c.channel: c for c in progress.channels}
    assert by_channel["email"].counts == {"queued": 1, "sent": 2, "failed": 1}
    assert by_channel["sms"].counts == {"queued": 2}
    assert progress.remaining == 3
    # One message over the last minute (the other went out before it).
    assert progress.per_second == pytest.approx(1 / 60)
    assert progress.eta_seconds == 180
    assert progress.failures == [{"channel": "email", "last_error": "mailbox full", "n": 1}]
    assert progress.finished_after_seconds is None


def test_a_fan_out_that_just_started_is_not_averaged_over_a_minute(alert_with_progress):
    first = Delivery.objects.filter(state="sent").order_by("pk").first()
    sent_at = Delivery.objects.get(pk=first.pk).sent_at
    Delivery.objects.filter(pk=first.pk).update(sent_at=sent_at - timedelta(seconds=4))
    # Two messages in the five seconds since the first went out: 0.4 per second, the
    # three left in about 8 s (not 90 s, as over a whole minute).
    progress = delivery_progress(alert_with_progress, now=sent_at + timedelta(seconds=1))
    assert progress.per_second == pytest.approx(2 / 5)
    assert progress.eta_seconds == 8


def test_a_finished_fan_out_says_when_the_last_message_went_out(alert_with_progress):
    alert = alert_with_progress
    Delivery.objects.filter(alert=alert, state="queued").update(
        state="sent", sent_at=alert.sent + timedelta(seconds=42)
    )
    progress = delivery_progress(alert)
    assert progress.remaining == 0
    assert progress.finished_after_seconds == 42


def test_dashboard_shows_the_figures_and_refreshes_while_work_remains(client, alert_with_progress):
    login_with_second_factor(client, ApproverFactory())
    response = client.get(f"/admin/alerts/{alert_with_progress.pk}/delivery/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'http-equiv="refresh"' in html
    assert "mailbox full" in html
    # no provider configured for SMS in tests: the page says those were not really sent
    warning = html[html.index("NON ENVOYÉ") :].split("</p>")[0]
    assert "SMS" in warning  # the channel by its name, not its key
    assert "3 messages still to send" in html or "3 messages" in html

    Delivery.objects.filter(state="queued").update(
        state="sent", sent_at=alert_with_progress.sent + timedelta(seconds=7)
    )
    html = client.get(f"/admin/alerts/{alert_with_progress.pk}/delivery/").content.decode()
    assert 'http-equiv="refresh"' not in html
    assert "les 6 messages traités" in html and "7 s après" in html


def test_dashboard_is_for_alert_roles_only(client, alert_with_progress):
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(f"/admin/alerts/{alert_with_progress.pk}/delivery/", follow=True)
    assert "mailbox full" not in response.content.decode()
    assert response.redirect_chain[0][0] == "/admin/"
