"""The admin dashboard panel listing translations to do."""

import re

import pytest

from campaigns import factories
from tests.campaigns.conftest import publish, translate
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


def _panel(client, django_user_model):
    login_with_second_factor(
        client, django_user_model.objects.create_superuser("admin", password="x")
    )
    html = client.get("/admin/").content.decode()
    match = re.search(r'<section class="w-panel translation-status".*?</section>', html, re.S)
    assert match, "the panel is on the dashboard"
    return match.group(0)


def test_panel_lists_missing_and_outdated_translations(client, django_user_model, sections):
    index = sections["guides"]["fr"]
    missing = publish(factories.GuidePageFactory(parent=index, title="Guide sans néerlandais"))
    outdated = publish(factories.GuidePageFactory(parent=index, title="Guide modifié"))
    dutch = translate(outdated, "nl", title="Gewijzigde gids")
    current = publish(factories.GuidePageFactory(parent=index, title="Guide à jour"))
    translate(current, "nl", title="Actuele gids")
    outdated.intro = "Texte revu."
    outdated.save_revision().publish()

    panel = _panel(client, django_user_model)
    rows = re.findall(r"<tr>.*?</tr>", panel, re.S)
    missing_row = next(row for row in rows if "Guide sans néerlandais" in row)
    outdated_row = next(row for row in rows if "Guide modifié" in row)
    assert "Traduction manquante" in missing_row and "NL" in missing_row
    assert f"/admin/pages/{missing.pk}/edit/" in missing_row
    assert "Pas à jour" in outdated_row
    assert f"/admin/pages/{dutch.pk}/edit/" in outdated_row
    assert "Guide à jour" not in panel


def test_panel_says_when_everything_is_translated(client, django_user_model, demo_site):
    panel = _panel(client, django_user_model)
    assert "Chaque page publiée a une version française et néerlandaise à jour." in panel


def test_organisers_see_registrations_but_cannot_add_one(client, django_user_model, sections):
    page = factories.TrainingPageFactory(parent=sections["trainings"]["fr"])
    registration = factories.TrainingRegistrationFactory(
        session=factories.TrainingSessionFactory(page=page), name="Sofie Peeters"
    )
    login_with_second_factor(
        client, django_user_model.objects.create_superuser("admin", password="x")
    )
    html = client.get("/admin/training_registrations/").content.decode()
    assert "Sofie Peeters" in html
    assert registration.email in html
    assert "/admin/training_registrations/new/" not in html
    assert client.get("/admin/training_registrations/new/").status_code in (302, 403)
