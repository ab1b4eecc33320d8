from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal import enrolment


class Command(BaseCommand):
    help = (
        "Print an enrolment link with which a user sets up their second factor after "
        "signing in with their own password: single use, expiring "
        "(TWO_FACTOR_ENROLMENT_LINK_HOURS, 24 by default); any earlier link of theirs is "
        "revoked. For a deployment's first superuser; afterwards superusers issue links from "
        "the admin (Users, More, Second factor). Send it over a channel you trust."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username}.")
        if not user.is_active:
            raise CommandError(f"{username} is inactive: they could not sign in to use it.")
        issued = enrolment.enrolment_link_issue(user=user)
        expires = timezone.localtime(issued.expires_at)
        self.stdout.write(
            f"Enrolment link for {username}, valid once until {expires:%Y-%m-%d %H:%M %Z}:"
        )
        self.stdout.write(issued.url)
