"""Every page type renders in French, Dutch and English."""

import pytest

from campaigns import factories
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "nl", "en"]


def _render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_risk_page(client, sections):
    risk = publish(factories.RiskPageFactory(parent=sections["risks"]["fr"], title="Inondation"))
    pages = {
        "fr": risk,
        "nl": translate(risk, "nl", title="Overstroming"),
        "en": translate(risk, "en", title="Flood"),
    }
    expected = {"fr": "Pendant", "nl": "Tijdens", "en": "During"}
    for language in LANGUAGES:
        html = _render(client, pages[language])
        assert f'<html lang="{language}">' in html
        assert f"<h1>{pages[language].title}</h1>" in html
        assert expected[language] in html
        assert "112" in html
