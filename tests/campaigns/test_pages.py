"""Campaign, guide, risk and emergency-kit pages render in French, Dutch and English."""

import re

import pytest
from django.utils.html import escape

from campaigns import factories
from tests.campaigns.conftest import publish, translate
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def _in_three_languages(page, titles, **per_language):
    pages = {"fr": page}
    for language in ("nl", "en"):
        fields = {"title": titles[language]}
        fields.update({name: values[language] for name, values in per_language.items()})
        pages[language] = translate(page, language, **fields)
    return pages


def test_risk_page_shows_what_to_do_in_each_language(client, sections):
    risk = publish(factories.RiskPageFactory(parent=sections["risks"]["fr"], title="Inondation"))
    pages = _in_three_languages(
        risk,
        {"nl": "Overstroming", "en": "Flood"},
        during={
            "nl": [("text", "<p>Ga naar boven.</p>")],
            "en": [("text", "<p>Go upstairs.</p>")],
        },
    )
    expected = {
        "fr": ("Pendant : les bons réflexes", "Montez à l'étage"),
        "nl": ("Tijdens: de juiste reflexen", "Ga naar boven."),
        "en": ("During: the right reflexes", "Go upstairs."),
    }
    for language, page in pages.items():
        html = _html(client, page)
        assert f'<html lang="{language}">' in html
        assert f"<h1>{escape(page.title)}</h1>" in html
        heading, advice = expected[language]
        assert heading in html
        assert advice in html.replace("&#x27;", "'")


def test_guide_page_in_each_language(client, sections):
    guide = publish(
        factories.GuidePageFactory(
            parent=sections["guides"]["fr"], title="Plan familial", topic="flood_proofing"
        )
    )
    pages = _in_three_languages(guide, {"nl": "Gezinsplan", "en": "Household plan"})
    families = {
        "fr": "Résilience des bâtiments et de l&#x27;espace public",
        "nl": "Veerkracht van gebouwen en de openbare ruimte",
        "en": "Resilience of buildings and public space",
    }
    for language, page in pages.items():
        html = _html(client, page)
        assert f"<h1>{escape(page.title)}</h1>" in html
        assert families[language] in html


def test_campaign_page_in_each_language(client, sections):
    guide = publish(factories.GuidePageFactory(parent=sections["guides"]["fr"], title="Chaleur"))
    guide_nl = translate(guide, "nl", title="Hitte")
    campaign = publish(
        factories.CampaignPageFactory(
            parent=sections["campaigns"]["fr"],
            title="La chaleur, ça se prépare",
            related_guides=[("guide", guide)],
        )
    )
    pages = _in_three_languages(
        campaign,
        {"nl": "Hitte, daar bereid je je op voor", "en": "Get ready for the heat"},
        key_messages={
            "nl": [("message", "Drink regelmatig water.")],
            "en": [("message", "Drink water regularly.")],
        },
    )
    messages = {
        "fr": "Buvez de l&#x27;eau régulièrement.",
        "nl": "Drink regelmatig water.",
        "en": "Drink water regularly.",
    }
    for language, page in pages.items():
        html = _html(client, page)
        assert f"<h1>{escape(page.title)}</h1>" in html
        assert f"<li>{messages[language]}</li>" in html
    # The related guide is shown in the reader's language.
    assert f'<a href="{guide_nl.url}">Hitte</a>' in _html(client, pages["nl"])


def test_emergency_kit_is_a_plain_list_that_a_script_enhances(client, demo_site):
    kit = publish(factories.EmergencyKitPageFactory(parent=demo_site.homes["fr"]))
    pages = _in_three_languages(kit, {"nl": "Noodpakket", "en": "Emergency kit"})
    for language, page in pages.items():
        html = _html(client, page)
        assert f'<html lang="{language}">' in html
        assert f"<h1>{escape(page.title)}</h1>" in html
        assert 'class="kit__label">Eau potable</span>' in html
        assert "campaigns/js/kit.js" in html
        assert "campaigns/css/kit.css" in html
        # The script's strings come translated from the server.
        strings = re.search(
            r'<script id="kit-strings" type="application/json">(.*?)</script>', html
        )
        assert strings is not None
    assert "Klaar: %(done)s van %(total)s" in _html(client, pages["nl"])


def test_kit_stylesheet_prints_on_one_a4_page(client):
    css = b"".join(client.get("/static/campaigns/css/kit.css").streaming_content).decode()
    assert "size: A4" in css
    assert "columns: 2" in css


def test_language_switcher_leads_to_the_same_guide_in_dutch(client, sections):
    guide = publish(factories.GuidePageFactory(parent=sections["guides"]["fr"], title="Voisins"))
    dutch = translate(guide, "nl", title="Buren")
    html = _html(client, guide)
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    link = re.search(r'href="([^"]+)" hreflang="nl"', switcher).group(1)
    assert link == dutch.url
    assert "<h1>Buren</h1>" in client.get(link).content.decode()


def test_every_page_type_opens_in_the_admin_with_scheduled_publishing(
    client, sections, django_user_model
):
    pages = [
        factories.RiskPageFactory(parent=sections["risks"]["fr"]),
        factories.GuidePageFactory(parent=sections["guides"]["fr"]),
        factories.CampaignPageFactory(parent=sections["campaigns"]["fr"]),
        factories.PlannedEventPageFactory(parent=sections["events"]["fr"]),
        factories.TrainingSessionFactory(
            page=factories.TrainingPageFactory(parent=sections["trainings"]["fr"])
        ).page,
        factories.PartnerPageFactory(parent=sections["partners"]["fr"]),
        factories.EmergencyKitPageFactory(parent=sections.homes["fr"]),
        sections["risks"]["fr"],
    ]
    login_with_second_factor(
        client, django_user_model.objects.create_superuser("editor", password="x")
    )
    for page in pages:
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, type(page).__name__
        html = response.content.decode()
        assert 'name="go_live_at"' in html, type(page).__name__


def test_audiences_are_edited_as_check_boxes_limited_to_the_choices(
    client, sections, django_user_model
):
    from django.core.exceptions import ValidationError

    from campaigns.models import GuidePage

    guide = factories.GuidePageFactory(parent=sections["guides"]["fr"], audiences=["schools"])
    login_with_second_factor(
        client, django_user_model.objects.create_superuser("editor", password="x")
    )
    html = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert re.search(r'type="checkbox" name="audiences" value="schools"[^>]*checked', html)
    field = GuidePage._meta.get_field("audiences").formfield()
    assert field.clean(["schools", "households"]) == ["schools", "households"]
    with pytest.raises(ValidationError):
        field.clean(["aliens"])


def test_risk_page_links_the_current_campaigns_about_its_hazard(client, sections):
    import datetime as dt

    from django.utils import timezone

    risk = publish(factories.RiskPageFactory(parent=sections["risks"]["fr"], hazard="heatwave"))
    index = sections["campaigns"]["fr"]
    current = publish(
        factories.CampaignPageFactory(parent=index, title="Été", hazards=["heatwave"])
    )
    publish(factories.CampaignPageFactory(parent=index, title="Orages", hazards=["flood"]))
    last_year = timezone.localdate() - dt.timedelta(days=365)
    publish(
        factories.CampaignPageFactory(
            parent=index,
            title="Été passé",
            hazards=["heatwave"],
            start_date=last_year,
            end_date=last_year + dt.timedelta(days=60),
        )
    )
    html = client.get(risk.url).content.decode()
    section = html.split('id="campaigns-title"')[1].split("</nav>")[0]
    assert f'<a href="{current.url}">Été</a>' in section
    assert "Orages" not in section
    assert "Été passé" not in section
