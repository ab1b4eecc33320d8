import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the portal and, with the embedded task backend, its background worker."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="address:port to serve on")
        parser.add_argument(
            "--no-worker", action="store_true", help="do not start the background worker"
        )

    def handle(self, *args, addr, no_worker, **options):
        worker = None
        backend = settings.TASKS["default"]["BACKEND"]
        if not no_worker and backend == "django_tasks_db.DatabaseBackend":
            queues = ",".join(settings.TASKS["default"].get("QUEUES", ["default"]))
            worker = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--queue-name",
                    queues,
                    "--interval",
                    "0.5",
                ],
                cwd=settings.BASE_DIR,
            )
            self.stdout.write(f"Background worker started (pid {worker.pid}, queues {queues}).")
        try:
            call_command("runserver", addr, use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
