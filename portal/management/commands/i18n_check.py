from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.i18n import catalogues


class Command(BaseCommand):
    help = (
        "Fail when a catalogue of a mandatory language (French, Dutch) has untranslated or "
        "fuzzy entries, entries whose placeholders differ from the source, or lacks a message "
        "used in the sources or in the scripts of the packages we translate (djangojs)."
    )

    def handle(self, *args, **options):
        templates = {
            catalogues.DOMAIN: catalogues.extract_template(),
            catalogues.SCRIPT_DOMAIN: catalogues.script_template(),
        }
        failures = []
        for language in settings.REQUIRED_LANGUAGES:
            for domain, template in templates.items():
                problems = catalogues.check_catalog(language, template, domain)
                for kind in ("untranslated", "fuzzy", "missing", "broken"):
                    for msgid in getattr(problems, kind):
                        failures.append(f"{language} ({domain}): {kind}: {msgid!r}")
        if failures:
            shown = "\n".join(failures[:50])
            more = f"\n… and {len(failures) - 50} more" if len(failures) > 50 else ""
            raise CommandError(
                f"{len(failures)} catalogue problem(s); run `make messages` and translate:\n"
                f"{shown}{more}"
            )
        self.stdout.write(self.style.SUCCESS("Catalogues complete for: fr, nl"))
