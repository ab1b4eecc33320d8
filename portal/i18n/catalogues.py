"""Message catalogues with Babel: extraction from Python and Django templates, update,
compilation and completeness checks, with no system gettext needed."""

import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.utils.translation.template import templatize

DOMAIN = "django"
SOURCE_DIRS = ["portal", "alerts", "campaigns", "templates"]
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
METHOD_MAP = [
    ("**/migrations/**", "ignore"),
    ("**.py", "python"),
    ("**.html", "portal.i18n.catalogues:extract_django"),
    ("**.txt", "portal.i18n.catalogues:extract_django"),
]


def extract_django(fileobj, keywords, comment_tags, options):
    """Babel extractor for Django templates: Django's own templatize, then Babel's
    Python extractor, exactly as `makemessages` does with xgettext."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    # templatize keeps the template's layout; Python's tokenizer would read its indentation
    # as blocks. Every string literal it writes is on one line (repr), so dedenting is safe.
    code = "\n".join(line.lstrip() for line in templatize(source).splitlines())
    yield from extract_python(io.BytesIO(code.encode("utf-8")), keywords, comment_tags, options)


def base_dir() -> Path:
    return Path(settings.BASE_DIR)


def po_path(language: str, domain: str = DOMAIN) -> Path:
    return base_dir() / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def extract_template() -> Catalog:
    template = Catalog(project="LUX response", domain=DOMAIN, fuzzy=False)
    for directory in SOURCE_DIRS:
        path = base_dir() / directory
        for filename, lineno, message, comments, context in extract_from_dir(
            str(path), METHOD_MAP, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            template.add(
                message,
                None,
                [(f"{directory}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def read_catalog(language: str, domain: str = DOMAIN) -> Catalog:
    path = po_path(language, domain)
    if not path.exists():
        return Catalog(locale=language, domain=domain)
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=domain)


def update_catalogs(languages) -> dict[str, int]:
    """Bring every .po up to date with the sources; returns new entries per language."""
    template = extract_template()
    added = {}
    for language in languages:
        catalog = read_catalog(language)
        known = {message.id for message in catalog if message.id}
        created = catalog.creation_date
        # Exact matches only: fuzzy guesses would mark entries "fuzzy" for translators.
        catalog.update(template, no_fuzzy_matching=True)
        added[language] = sum(1 for message in catalog if message.id and message.id not in known)
        if not added[language] and created:
            catalog.creation_date = created  # no new message: no churn in the header
        catalog.project, catalog.version, catalog.fuzzy = "LUX response", "1", False
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)
    return added


def compile_catalogs(languages) -> list[Path]:
    """Every language's server catalogue, and its script catalogue where there is one."""
    written = []
    for language in languages:
        for domain in (DOMAIN, SCRIPT_DOMAIN):
            if domain == SCRIPT_DOMAIN and not po_path(language, domain).exists():
                continue
            catalog = read_catalog(language, domain)
            target = po_path(language, domain).with_suffix(".mo")
            with target.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            written.append(target)
    return written


# Scripts of installed packages whose messages we translate ourselves in
# locale/<language>/LC_MESSAGES/djangojs.po (served by their JavaScriptCatalog views, which
# merge LOCALE_PATHS): the passkey script of django-otp-webauthn ships no French.
SCRIPT_DOMAIN = "djangojs"
SCRIPT_PACKAGES = ["django_otp_webauthn"]
# Single messages of other packages' scripts whose translation we correct there: the
# French and Dutch of wagtail-localize's "Publish in " + language name have lost their
# trailing space ("Publier dansnéerlandais", "Publiceer inNederlands").
SCRIPT_CORRECTIONS = {"wagtail_localize": ["Publish in "]}


def script_template() -> Catalog:
    """Every message the packages' scripts use, read from their own catalogues."""
    import importlib

    template = Catalog(domain=SCRIPT_DOMAIN)
    for package in SCRIPT_PACKAGES:
        root = Path(importlib.import_module(package).__file__).parent / "locale"
        for path in sorted(root.glob(f"*/LC_MESSAGES/{SCRIPT_DOMAIN}.po")):
            with path.open("rb") as handle:
                for message in read_po(handle, domain=SCRIPT_DOMAIN):
                    if message.id and template.get(message.id, message.context) is None:
                        template.add(message.id, context=message.context)
    for messages in SCRIPT_CORRECTIONS.values():
        for message in messages:
            template.add(message)
    return template


@dataclass
class CatalogProblems:
    language: str
    untranslated: list[str]
    fuzzy: list[str]
    missing: list[str]
    # Translations whose placeholders do not match the source ("%(minute)s" for
    # "%(minutes)s" would raise KeyError when rendered): Babel's own checkers.
    broken: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.untranslated or self.fuzzy or self.missing or self.broken)


def _key(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def check_catalog(
    language: str, template: Catalog | None = None, domain: str = DOMAIN
) -> CatalogProblems:
    catalog = read_catalog(language, domain)
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if message.fuzzy:
            fuzzy.append(_key(message))
        elif not all(strings):
            untranslated.append(_key(message))
    missing = []
    if template is not None:
        missing = [_key(m) for m in template if m.id and catalog.get(m.id, m.context) is None]
    broken = [
        f"{_key(message)} ({'; '.join(str(error) for error in errors)})"
        for message, errors in catalog.check()
        if message.id and not message.fuzzy
    ]
    return CatalogProblems(language, untranslated, fuzzy, missing, broken)
