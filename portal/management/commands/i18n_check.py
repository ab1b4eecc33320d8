from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.i18n import catalogues


class Command(BaseCommand):
    help = (
        "Fail when a catalogue of a mandatory language (French, Dutch) has untranslated or "
        "fuzzy entries, or lacks a message used in the sources."
    )

    def handle(self, *args, **options):
        template = catalogues.extract_template()
        failures = []
        for language in settings.REQUIRED_LANGUAGES:
            problems = catalogues.check_catalog(language, template)
            for kind in ("untranslated", "fuzzy", "missing"):
                for msgid in getattr(problems, kind):
                    failures.append(f"{language}: {kind}: {msgid!r}")
        if failures:
            shown = "\n".join(failures[:50])
            more = f"\n… and {len(failures) - 50} more" if len(failures) > 50 else ""
            raise CommandError(
                f"{len(failures)} catalogue problem(s); run `make messages` and translate:\n"
                f"{shown}{more}"
            )
        self.stdout.write(self.style.SUCCESS("Catalogues complete for: fr, nl"))
