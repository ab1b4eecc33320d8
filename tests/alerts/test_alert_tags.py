import pytest
from django.template import Context, Template
from django.utils import translation

from alerts.cap_vocab import Status
from alerts.factories import SentAlertFactory

pytestmark = pytest.mark.django_db


def _banner(language):
    with translation.override(language):
        return Template("{% load alert_tags %}{% alert_banner %}").render(Context({}))


def test_banner_lists_the_most_severe_first_with_severity_in_words_and_an_icon():
    SentAlertFactory(severity="Moderate", event="moderate")
    SentAlertFactory(severity="Extreme", event="extreme")
    html = _banner("fr")
    assert html.index("severity-extreme") < html.index("severity-moderate")
    assert "Gravité: Extrême" in html
    assert 'aria-hidden="true">⛔' in html


def test_banner_is_empty_without_alert_in_force():
    SentAlertFactory(status=Status.TEST)
    assert _banner("nl").strip() == ""


def test_banner_names_the_communes_in_the_readers_language():
    SentAlertFactory(area=["21009", "21016"])
    assert "Zone: Ixelles, Uccle" in _banner("fr")
    assert "Gebied: Elsene, Ukkel" in _banner("nl")
