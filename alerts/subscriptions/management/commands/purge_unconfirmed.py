from django.core.management.base import BaseCommand

from alerts.subscriptions import services


class Command(BaseCommand):
    help = "Delete email addresses and phone numbers never confirmed within 48 hours."

    def handle(self, *args, **options):
        count = services.contact_points_purge_unconfirmed()
        self.stdout.write(f"Deleted {count} unconfirmed contact point(s).")
