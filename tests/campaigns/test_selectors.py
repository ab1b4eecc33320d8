"""Reads: the risk page of an alert category, and the places left in a training."""

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
