from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.delivery.models import Delivery
from alerts.factories import AlertFactory
from alerts.subscriptions.factories import ContactPointFactory
from alerts.subscriptions.models import ContactPoint, InboundSms

pytestmark = pytest.mark.django_db


def test_periodic_run_sweeps_deliveries_and_purges_stale_sign_ups(
    django_capture_on_commit_callbacks,
):
    stale = ContactPointFactory(confirmed_at=None)
    ContactPoint.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(hours=49))
    volunteer = ContactPointFactory(subscriber__audience="test")
    alert = AlertFactory(status="Exercise", state="sending")
    AlertFactory._meta.model.objects.filter(pk=alert.pk).update(
        updated_at=timezone.now() - timedelta(minutes=5)
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("periodic")

    assert not ContactPoint.objects.filter(pk=stale.pk).exists()
    alert.refresh_from_db()
    assert alert.state == "sent"  # left in "sending" by a crash, dispatched by the sweep
    assert Delivery.objects.get(alert=alert).contact_point_id == volunteer.pk


def test_periodic_run_forgets_incoming_sms_past_the_keep_time(settings):
    settings.INBOUND_SMS_KEEP_DAYS = 30
    old = InboundSms.objects.create(message_sid="SM" + "1" * 32)
    recent = InboundSms.objects.create(message_sid="SM" + "2" * 32)
    InboundSms.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=31))
    InboundSms.objects.filter(pk=recent.pk).update(received_at=timezone.now() - timedelta(days=29))

    call_command("periodic")

    assert list(InboundSms.objects.values_list("message_sid", flat=True)) == [recent.message_sid]
