"""The household emergency plan page: served in French and Dutch with each risk's reflexes
in the page's language, a blank plan without any form (nothing can be sent), and reached
from the emergency kit."""

import re
from html import unescape

import pytest
from django.utils import translation
from wagtail.models import Locale

from campaigns import demo as campaigns_demo
from campaigns import models
from campaigns.demo_content import plan as plan_content
from campaigns.models.plan import REFLEXES_PER_RISK, risk_reflexes

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(demo_site):
    """The demo's risk pages, kit and plan (French, Dutch and English)."""
    homes = demo_site.homes
    risks = campaigns_demo.seed_risks(homes)
    kit = campaigns_demo.seed_kit(homes)
    return campaigns_demo.seed_household_plan(homes, risks=risks, kit=kit)


def _in(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "title", "flood", "first_reflex", "other_language_flood"),
    [
        (
            "fr",
            "Notre plan d'urgence familial",
            "Inondation",
            "Ne descendez pas à la cave ni au parking souterrain",
            "Overstroming",
        ),
        (
            "nl",
            "Ons gezinsnoodplan",
            "Overstroming",
            "Ga niet naar de kelder of de ondergrondse parking",
            "Inondation",
        ),
    ],
)
def test_the_plan_shows_what_to_do_for_each_main_risk_in_its_language(
    client, plan, language, title, flood, first_reflex, other_language_flood
):
    page = _in(plan, language)
    html = _html(client, page)
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in unescape(html)
    # The six main risks of the demo, each in this language with a link to its page and the
    # first reflexes its own page gives "during" the event.
    headings = re.findall(r'<h3 id="plan-risk-\d+"><a href="([^"]+)">([^<]+)</a></h3>', html)
    assert len(headings) == len(plan_content.MAIN_RISKS)
    assert headings[0][1] == flood
    assert other_language_flood not in html
    risk = models.RiskPage.objects.get(locale__language_code=language, hazard="flood")
    assert headings[0][0] == risk.url
    reflexes = risk_reflexes(risk)
    assert len(reflexes) == REFLEXES_PER_RISK
    assert reflexes[0] == first_reflex
    for reflex in reflexes:
        assert f"<li>{reflex}</li>" in unescape(html)
    # 112 and 101 are on the plan; the household's own lines are blank ones to fill in.
    assert 'href="tel:112"' in html and 'href="tel:101"' in html
    assert html.count('data-plan-column="name"') == 4
    # Nothing to submit: no form, and the plan is kept under a key shared by every language.
    assert "<form" not in html.split('<main id="main"')[1]
    assert f'data-plan="{plan.translation_key}"' in html
    assert "campaigns/js/household_plan.js" in html


def test_the_kit_leads_to_the_plan_in_its_own_language(client, plan):
    for language in ("fr", "nl", "en"):
        kit = models.EmergencyKitPage.objects.get(locale__language_code=language)
        assert f'href="{_in(plan, language).url}"' in _html(client, kit), language


def test_the_calendar_reminder_links_to_the_public_address(client, plan, settings):
    settings.SITE_BASE_URL = "https://lux.example.brussels"
    html = _html(client, _in(plan, "nl"))
    strings = re.search(r'<script id="plan-strings" type="application/json">(.*?)</script>', html)
    assert '"url": "https://lux.example.brussels/nl/noodplan/"' in strings.group(1)


def test_without_a_choice_the_plan_lists_every_risk_of_its_language(plan):
    page = _in(plan, "nl")
    page.risks = []
    shown = [risk.page for risk in page.main_risks()]
    assert shown == list(models.RiskPage.objects.live().filter(locale=page.locale))
    assert len(shown) > len(plan_content.MAIN_RISKS)


def test_a_chosen_risk_without_translation_is_left_out(plan):
    heatwave = models.RiskPage.objects.get(locale__language_code="nl", hazard="heatwave")
    heatwave.unpublish()
    titles = [risk.page.title for risk in _in(plan, "nl").main_risks()]
    assert "Hittegolf" not in titles and "Overstroming" in titles


def test_risk_titles_and_reflexes_are_escaped(client, plan):
    risk = models.RiskPage.objects.get(locale__language_code="fr", hazard="flood")
    risk.title = '<img src=x onerror="alert(1)">'
    risk.during = [("checklist", {"title": "", "items": ["<script>alert(2)</script>"]})]
    risk.save_revision().publish()
    html = _html(client, plan)
    assert "<img src=x" not in html and "<script>alert(2)" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_the_plan_seed_is_idempotent(demo_site, plan):
    homes = demo_site.homes
    risks = campaigns_demo.seed_risks(homes)
    kit = campaigns_demo.seed_kit(homes)
    revisions = kit.revisions.count()
    again = campaigns_demo.seed_household_plan(homes, risks=risks, kit=kit)
    assert again.pk == plan.pk
    assert kit.revisions.count() == revisions
    assert models.HouseholdPlanPage.objects.count() == 3


def test_the_english_plan_reads_in_english(client, plan):
    html = _html(client, _in(plan, "en"))
    assert "<h1>Our household emergency plan</h1>" in html
    assert "Do not go down to the basement or an underground car park" in html
    with translation.override("en"):
        assert "Who lives here" in html and "Where we meet" in html
