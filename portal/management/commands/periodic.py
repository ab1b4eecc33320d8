import time

from django.core.management.base import BaseCommand

from alerts.delivery.tasks import sweep_deliveries
from alerts.dispatch import alerts_dispatch_stuck
from alerts.mobilisation.network_services import partners_remind
from alerts.mobilisation.services import mobilisation_escalate
from alerts.relay.services import feeds_poll_due
from alerts.subscriptions.services import contact_points_purge_unconfirmed, inbound_sms_prune

SWEEP_EVERY = 15.0
PURGE_EVERY = 3600.0


class Command(BaseCommand):
    help = (
        "Periodic housekeeping, once or in a loop (--loop): every 15 s the delivery safety "
        "net (re-queue expired claims, close messages of ended alerts, dispatch alerts left "
        "in 'sending' by a crash, start senders for due work) and the escalation of "
        "mobilisation requests (the next contact of a partner that did not answer in "
        "time); every hour the purge of "
        "contact points never confirmed within 48 hours and of incoming SMS remembered for "
        "longer than INBOUND_SMS_KEEP_DAYS, and the quarterly reminder to partners to "
        "review their entry. Run one per installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="run forever")

    def handle(self, *args, loop, **options):
        last_purge = 0.0
        while True:
            dispatched = alerts_dispatch_stuck()
            if dispatched:
                self.stdout.write(f"dispatched {dispatched} alert(s) left in 'sending'")
            outcome = sweep_deliveries.call()
            if outcome["requeued"] or outcome["reaped"]:
                self.stdout.write(f"delivery sweep: {outcome}")
            escalated = mobilisation_escalate()
            if escalated:
                self.stdout.write(f"mobilisation: {escalated} partner(s) asked further down")
            feeds_poll_due()  # official feeds whose poll interval has passed
            if time.monotonic() - last_purge >= PURGE_EVERY or not loop:
                purged = contact_points_purge_unconfirmed()
                forgotten = inbound_sms_prune()
                reminded = partners_remind()
                last_purge = time.monotonic()
                if purged:
                    self.stdout.write(f"purged {purged} unconfirmed contact point(s)")
                if forgotten:
                    self.stdout.write(f"forgot {forgotten} incoming SMS older than the keep time")
                if reminded:
                    self.stdout.write(f"reminded {reminded} partner(s) to review their entry")
            if not loop:
                return
            time.sleep(SWEEP_EVERY)
