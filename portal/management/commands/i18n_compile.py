from django.conf import settings
from django.core.management.base import BaseCommand

from portal.i18n import catalogues


class Command(BaseCommand):
    help = "Compile the .po catalogues to .mo with Babel (no system gettext needed)."

    def handle(self, *args, **options):
        languages = [code for code, _name in settings.LANGUAGES]
        for path in catalogues.compile_catalogs(languages):
            self.stdout.write(f"compiled {path.relative_to(settings.BASE_DIR)}")
