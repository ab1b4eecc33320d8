"""The `deliver` worker sends every channel by default, voice calls included."""

import pytest
from django.core.management import call_command

from alerts.delivery import ledger
from alerts.delivery.models import Delivery, DeliveryState
from alerts.factories import AlertFactory

pytestmark = pytest.mark.django_db


def test_deliver_until_idle_sends_every_channel_voice_included(make_audience, settings, tmp_path):
    settings.VAR_DIR = tmp_path  # no provider configured: the local outbox
    make_audience(1, channel="voice", address=lambda i: {"address": "+3225550000"})
    make_audience(1, channel="email")
    ledger.ledger_create(AlertFactory(state="sending"))

    call_command("deliver", "--until-idle")

    assert set(Delivery.objects.values_list("channel", "state")) == {
        ("voice", DeliveryState.SENT),
        ("email", DeliveryState.SENT),
    }
    assert list((tmp_path / "outbox" / "voice").iterdir())
