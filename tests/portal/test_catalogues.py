import pytest
from django.core.management import CommandError, call_command

from portal.i18n import catalogues

PO_HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

"""


def _write_po(base, language, body):
    path = base / "locale" / language / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(PO_HEADER + body, encoding="utf-8")


@pytest.fixture
def project(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    return tmp_path


def test_the_project_catalogues_are_complete():
    call_command("i18n_check")


def test_check_fails_on_an_untranslated_dutch_entry(project):
    _write_po(project, "fr", 'msgid "Evacuate"\nmsgstr "Évacuer"\n')
    _write_po(project, "nl", 'msgid "Evacuate"\nmsgstr ""\n')
    with pytest.raises(CommandError, match=r"nl \(django\): untranslated: 'Evacuate'"):
        call_command("i18n_check")


def test_check_fails_on_a_fuzzy_french_entry(project):
    _write_po(project, "fr", '#, fuzzy\nmsgid "Evacuate"\nmsgstr "Évacuez"\n')
    _write_po(project, "nl", 'msgid "Evacuate"\nmsgstr "Evacueren"\n')
    with pytest.raises(CommandError, match=r"fr \(django\): fuzzy: 'Evacuate'"):
        call_command("i18n_check")


def test_check_fails_on_a_template_string_missing_from_the_catalogue(project):
    (project / "templates" / "page.html").write_text(
        '{% load i18n %}<p>{% translate "Stay indoors" %}</p>', encoding="utf-8"
    )
    _write_po(project, "fr", "")
    _write_po(project, "nl", "")
    with pytest.raises(CommandError, match="missing: 'Stay indoors'"):
        call_command("i18n_check")


def test_template_extraction_keeps_context_and_plurals(project):
    (project / "templates" / "page.html").write_text(
        "{% load i18n %}"
        '{% translate "May" context "month" %}'
        "{% blocktranslate count n=count %}{{ n }} alert{% plural %}{{ n }} alerts"
        "{% endblocktranslate %}",
        encoding="utf-8",
    )
    template = catalogues.extract_template()
    assert template.get("May", "month") is not None
    assert template.get(("%(n)s alert", "%(n)s alerts")) is not None


def test_extraction_reads_templates_whatever_their_indentation(project):
    (project / "templates" / "page.html").write_text(
        "{% load i18n %}\n<p>\n    {% if a %}{% translate 'One' %}\n  {% elif b %}"
        "{% translate 'Two' %}{% endif %}\n</p>",
        encoding="utf-8",
    )
    template = catalogues.extract_template()
    assert template.get("One") is not None and template.get("Two") is not None


def test_compiled_catalogue_is_used_at_runtime():
    from django.utils import translation

    with translation.override("nl"):
        assert translation.gettext("Skip to main content") == "Naar de hoofdinhoud"


def test_check_fails_when_a_package_script_message_has_no_french(project):
    """The passkey script's messages are ours to translate (the package ships no French)."""
    _write_po(project, "fr", "")
    _write_po(project, "nl", "")
    with pytest.raises(CommandError, match=r"fr \(djangojs\): missing: 'Verification successful!'"):
        call_command("i18n_check")


def test_check_fails_on_a_translation_whose_placeholder_differs(project):
    """A French "%(minute)s" for "%(minutes)s" would raise KeyError when rendered."""
    body = '#, python-format\nmsgid "Try again in %(minutes)s minutes."\nmsgstr "{}"\n'
    _write_po(project, "fr", body.format("Réessayez dans %(minute)s minutes."))
    _write_po(project, "nl", body.format("Probeer opnieuw over %(minutes)s minuten."))
    with pytest.raises(CommandError, match=r"fr \(django\): broken: .Try again in .*'minute'"):
        call_command("i18n_check")
