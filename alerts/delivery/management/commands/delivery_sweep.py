import time

from django.core.management.base import BaseCommand

from alerts.delivery.services import delivery_sweep


class Command(BaseCommand):
    help = (
        "The delivery safety net: re-queue expired leases, close messages of ended alerts, "
        "dispatch alerts left in 'sending' by a crash, and start senders for due work. "
        "Once, or every N seconds with --every."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="repeat every N seconds")

    def handle(self, *args, every, **options):
        while True:
            outcome = delivery_sweep()
            if outcome["requeued"] or outcome["reaped"] or outcome["dispatched"]:
                self.stdout.write(str(outcome))
            if not every:
                return
            time.sleep(every)
