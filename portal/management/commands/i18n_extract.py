from django.conf import settings
from django.core.management.base import BaseCommand

from portal.i18n import catalogues


class Command(BaseCommand):
    help = "Update locale/*/LC_MESSAGES/django.po from the Python sources and templates (Babel)."

    def handle(self, *args, **options):
        languages = [code for code, _name in settings.LANGUAGES]
        for language, count in catalogues.update_catalogs(languages).items():
            self.stdout.write(f"{language}: {count} new message(s) to translate")
