"""Words in another language than the page carry `lang`, so that a screen reader speaks
them in their own language: the trilingual exercise marker on every alert page, card and
banner, and the language names on the subscription forms."""

import re

import pytest
from django.template import Context, Template

from alerts.cap_vocab import Status
from alerts.factories import SentAlertFactory
from alerts.models.alerts import TEST_MARKER
from alerts.subscriptions.forms import SubscribeForm
from tests.paths import path_in

MARKED = (
    '<span lang="fr">EXERCICE</span> / <span lang="nl">OEFENING</span> / '
    '<span lang="en">EXERCISE</span>'
)


def _render(text) -> str:
    template = Template('{% load lang_tags %}{{ text|lang_parts:"fr nl en" }}')
    return template.render(Context({"text": text}))


def test_each_word_of_the_marker_is_marked_with_its_language():
    assert _render("EXERCICE / OEFENING / EXERCISE") == MARKED
    assert _render(TEST_MARKER).startswith('<span lang="fr">TEST - EXERCICE</span> / ')


def test_text_that_is_not_in_three_parts_is_only_escaped():
    assert _render("<b>EXERCICE</b>") == "&lt;b&gt;EXERCICE&lt;/b&gt;"
    assert _render('<i>a</i> / "b" / c') == (
        '<span lang="fr">&lt;i&gt;a&lt;/i&gt;</span> / <span lang="nl">&quot;b&quot;</span>'
        ' / <span lang="en">c</span>'
    )
    assert _render("") == ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_exercise_marker_is_marked_on_the_alert_page_the_list_and_the_banner(
    client, demo_site, language
):
    alert = SentAlertFactory(status=Status.EXERCISE)
    for path in (
        path_in(language, "alerts:detail", alert.identifier),
        path_in(language, "alerts:list"),
    ):
        html = client.get(path).content.decode()
        body = html[html.index("<body") :]  # (the <title> holds text only)
        assert MARKED in body, path
        assert "EXERCICE / OEFENING / EXERCISE" not in body, path  # no unmarked copy
    banner = re.search(
        r'<section class="alert-banner".*?</section>',
        client.get(demo_site.homes[language].url).content.decode(),
        re.S,
    ).group(0)
    assert banner.count(MARKED) == 2  # the marker, and the headline that starts with it
    assert "EXERCICE / OEFENING / EXERCISE" not in banner


def test_the_marker_inside_a_headline_is_marked_and_the_rest_escaped():
    template = Template("{% load lang_tags %}{{ text|lang_parts_within:marker }}")
    marker = "EXERCICE / OEFENING / EXERCISE"
    html = template.render(Context({"text": f"{marker} – <b>Feu</b>", "marker": marker}))
    assert html == f"{MARKED} – &lt;b&gt;Feu&lt;/b&gt;"
    html = template.render(Context({"text": "<b>Feu</b>", "marker": ""}))
    assert html == "&lt;b&gt;Feu&lt;/b&gt;"


@pytest.mark.django_db
def test_language_names_on_the_subscribe_form_carry_their_language(client, demo_site):
    html = client.get(path_in("fr", "subscriptions:subscribe")).content.decode()
    for code, name in (("fr", "Français"), ("nl", "Nederlands"), ("en", "English")):
        assert re.search(
            rf'<label[^>]*>\s*<input[^>]*value="{code}"[^>]*>\s*'
            rf'<span lang="{code}">{name}</span>',
            html,
        ), code


def test_the_form_still_accepts_and_offers_the_same_languages():
    field = SubscribeForm().fields["language"]
    assert [code for code, _label in field.choices] == ["fr", "nl", "en"]
