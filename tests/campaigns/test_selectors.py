"""Reads: the risk page of an alert category, and the translation gaps."""

import pytest

from campaigns import factories, selectors
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db


def test_risk_page_for_category_in_each_language(sections):
    index = sections["risks"]["fr"]
    flood = publish(factories.RiskPageFactory(parent=index, title="Inondation", cap_category="Met"))
    publish(factories.RiskPageFactory(parent=index, title="Canicule", cap_category="Met"))
    flood_nl = translate(flood, "nl", title="Overstroming")

    assert selectors.risk_page_for_category("Met", "fr").pk == flood.pk
    assert selectors.risk_page_for_category("Met", "nl").pk == flood_nl.pk
    assert selectors.risk_page_for_category("Met", "en") is None
    assert selectors.risk_page_for_category("CBRNE", "fr") is None


def test_unpublished_risk_page_is_not_offered(sections):
    risk = publish(factories.RiskPageFactory(parent=sections["risks"]["fr"], cap_category="Fire"))
    risk.unpublish()
    assert selectors.risk_page_for_category("Fire", "fr") is None


def test_places_left_counts_every_language_copy(sections):
    page = publish(factories.TrainingPageFactory(parent=sections["trainings"]["fr"]))
    session = factories.TrainingSessionFactory(page=page, capacity=3)
    page = publish(page)
    dutch = translate(page, "nl", title="Opleiding")
    factories.TrainingRegistrationFactory(session=page.sessions.get())
    factories.TrainingRegistrationFactory(session=dutch.sessions.get())
    assert selectors.session_places_left([session]) == {session.pk: 1}


def test_translation_gaps_missing_and_outdated(sections):
    index = sections["guides"]["fr"]
    publish(factories.GuidePageFactory(parent=index, title="Sans traduction"))
    changed = publish(factories.GuidePageFactory(parent=index, title="Modifié"))
    translate(changed, "nl", title="Gewijzigd")
    current = publish(factories.GuidePageFactory(parent=index, title="À jour"))
    translate(current, "nl", title="Actueel")
    changed.intro = "Nouvelle introduction."
    changed.save_revision()  # a new draft of the source, after the translation

    gaps = {(gap.source.title, gap.language): gap.state for gap in selectors.translation_gaps()}
    assert gaps == {("Sans traduction", "nl"): "missing", ("Modifié", "nl"): "outdated"}


def test_a_dutch_page_without_french_version_is_a_gap(sections):
    dutch_only = publish(
        factories.GuidePageFactory(parent=sections["guides"]["nl"], title="Alleen Nederlands")
    )
    (gap,) = selectors.translation_gaps()
    assert (gap.source.pk, gap.language, gap.state) == (dutch_only.pk, "fr", "missing")


def test_an_untranslated_wagtail_localize_alias_counts_as_missing(sections):
    from wagtail.models import Locale

    page = publish(factories.GuidePageFactory(parent=sections["guides"]["fr"], title="Voisins"))
    page.copy_for_translation(Locale.objects.get(language_code="nl"), alias=True)
    (gap,) = selectors.translation_gaps()
    assert (gap.source.pk, gap.language, gap.state) == (page.pk, "nl", "missing")
