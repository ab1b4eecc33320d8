"""The demo seed of the preparedness content."""

import pytest
from wagtail.models import Page, WorkflowPage

from campaigns import demo, models, selectors, translations
from campaigns.models import TrainingRegistration, TrainingSession

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Page.objects.count(),
        TrainingSession.objects.count(),
        TrainingRegistration.objects.count(),
        WorkflowPage.objects.count(),
    )


def test_seed_is_idempotent_and_complete(demo_site, client):
    demo.seed(demo_site)
    first = _counts()
    demo.seed(demo_site)
    assert _counts() == first

    fr = {"locale__language_code": "fr"}
    assert models.CampaignPage.objects.filter(**fr).count() >= 3
    assert models.GuidePage.objects.filter(**fr).count() >= 6
    families = {g.family for g in models.GuidePage.objects.filter(**fr)}
    assert families == {"population", "buildings"}
    assert models.RiskPage.objects.filter(**fr).count() >= 8
    assert models.PartnerPage.objects.filter(**fr).count() >= 8
    assert models.PlannedEventPage.objects.filter(**fr).count() >= 2
    assert any(not e.is_past for e in models.PlannedEventPage.objects.filter(**fr))
    assert models.TrainingPage.objects.filter(**fr).count() >= 2
    # Every risk page and the kit exist in French, Dutch and English; the rest in FR and NL.
    for language in ("nl", "en"):
        assert models.RiskPage.objects.filter(locale__language_code=language).count() >= 8
        assert models.EmergencyKitPage.objects.filter(locale__language_code=language).exists()
    assert models.GuidePage.objects.filter(locale__language_code="nl").count() >= 6
    # One session is full.
    french_sessions = TrainingSession.objects.filter(locale__language_code="fr")
    places = selectors.session_places_left(list(french_sessions))
    assert 0 in places.values()
    # An alert on a weather hazard finds its guidance in Dutch.
    assert selectors.risk_page_for_category("Met", "nl").title == "Overstroming"
    # Nothing is left to translate into French or Dutch.
    assert translations.translation_gaps() == []
    # The pages render.
    for page in Page.objects.live().filter(depth__gt=2).specific():
        assert client.get(page.url).status_code == 200, page.url
