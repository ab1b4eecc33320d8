import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from alerts.subscriptions.management.commands.generate_vapid_keys import generate
from portal.vapid_keys import read_keys, write_keys


class Command(BaseCommand):
    help = "Run the portal and, with the embedded task backend, its background workers."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="address:port to serve on")
        parser.add_argument(
            "--no-worker", action="store_true", help="do not start the background worker"
        )

    def handle(self, *args, addr, no_worker, **options):
        self._vapid_keys()
        workers = []
        backend = settings.TASKS["default"]["BACKEND"]
        if not no_worker and backend == "django_tasks_db.DatabaseBackend":
            # One worker for alert work alone, so a content import never delays an alert,
            # and one for everything else (search index, reference index, purges).
            for queues in ("urgent", "default"):
                workers.append(
                    self._manage("db_worker", "--queue-name", queues, "--interval", "0.5")
                )
            workers.append(self._manage("periodic", "--loop"))
            self.stdout.write(
                "Background workers started: urgent (alerts), default (content), "
                "periodic housekeeping (delivery safety net, purge of unconfirmed contacts)."
            )
        # Stopped with SIGTERM (kill, a service manager) as with Ctrl-C: the workers go too,
        # never left running on their own.
        signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(0))
        try:
            call_command("runserver", addr, use_reloader=False)
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()

    def _vapid_keys(self) -> None:
        """Web push works out of the box: without keys in the environment, settings that
        name a VAPID_KEY_FILE (the development ones) get a pair made once and kept there;
        this process takes it at once, the workers read it with their settings."""
        path = getattr(settings, "VAPID_KEY_FILE", None)
        if settings.VAPID_PRIVATE_KEY or path is None:
            return
        if write_keys(path, *generate()):
            self.stdout.write(f"Web push: new VAPID keys in {path} (kept across restarts).")
        keys = read_keys(path)
        if keys is None:
            self.stderr.write(f"Web push: {path} holds no VAPID keys; push stays off.")
            return
        settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = keys["public"], keys["private"]

    @staticmethod
    def _manage(*arguments: str) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", *arguments], cwd=settings.BASE_DIR
        )
