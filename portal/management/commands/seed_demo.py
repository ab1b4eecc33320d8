from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule

from portal import demo

DEMO_ALERT_USERS = ("alert-author", "alert-approver")


class Command(BaseCommand):
    help = (
        "Seed the bilingual demo site (idempotent) and the demo administrator, "
        "whose credentials are printed."
    )

    def handle(self, *args, **options):
        context = demo.DemoContext()
        demo.seed(context)
        # Each app with a `demo` module adds its own content, in INSTALLED_APPS order.
        for app_config in apps.get_app_configs():
            if app_config.name == "portal" or not module_has_submodule(app_config.module, "demo"):
                continue
            import_module(f"{app_config.name}.demo").seed(context)
        for message in context.messages:
            self.stdout.write(message)
        username, password, _created = demo.seed_admin(settings.VAR_DIR / "demo-admin-password")
        base = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write(self.style.SUCCESS(f"Portal:  {base}/fr/"))
        self.stdout.write(self.style.SUCCESS(f"Admin:   {base}/admin/"))
        self.stdout.write(self.style.SUCCESS(f"  user:     {username}"))
        self.stdout.write(self.style.SUCCESS(f"  password: {password}"))
        self._second_factors([username, *DEMO_ALERT_USERS])

    def _second_factors(self, usernames):
        lines = []
        for name in usernames:
            factor = demo.seed_second_factor(name)
            if factor is not None:
                secret, uri = factor
                lines.append(f"  {name}: secret {secret}")
                lines.append(f"    {uri}")
        if lines:
            self.stdout.write(
                "Second factor (TOTP) for the admin and alert roles: add the secret (or the "
                "otpauth URI) to an authenticator app, or print the current code with "
                "`manage.py demo_totp_code <user>`:"
            )
            for line in lines:
                self.stdout.write(line)
