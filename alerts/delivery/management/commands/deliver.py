import time

from django.core.management.base import BaseCommand

from alerts.delivery import ledger
from alerts.delivery.models import Delivery, DeliveryState
from alerts.delivery.services import delivery_run
from alerts.subscriptions.models import ChannelName

# Every channel, from the one list of channel names (voice included).
CHANNELS = tuple(ChannelName.values)


class Command(BaseCommand):
    help = (
        "A delivery worker outside the task queue: claims due messages from the ledger and "
        "sends them, channel after channel. Safe to run on several machines at once, and "
        "to kill at any moment: its claims expire and another worker takes them over."
    )

    def add_arguments(self, parser):
        parser.add_argument("--channels", default=",".join(CHANNELS))
        parser.add_argument(
            "--until-idle",
            action="store_true",
            help="exit once no message is queued or being sent (default: run forever)",
        )

    def handle(self, *args, channels, until_idle, **options):
        channels = [c.strip() for c in channels.split(",") if c.strip()]
        while True:
            sent = sum(delivery_run(channel_name=c, time_budget=5.0) for c in channels)
            if sent:
                continue
            open_rows = Delivery.objects.filter(
                channel__in=channels, state__in=[DeliveryState.QUEUED, DeliveryState.SENDING]
            )
            if until_idle and not open_rows.exists():
                return
            ledger.ledger_sweep()
            time.sleep(0.2)
