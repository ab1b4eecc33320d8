"""An alert made from a template links, in each language, the risk page of its category
(the content app provides the lookup; the alert lifecycle imports no content model)."""

import pytest

from alerts import services
from alerts.factories import AuthorFactory
from alerts.models import AlertTemplate
from campaigns import factories
from tests.campaigns.conftest import publish, sections, translate  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_an_alert_from_a_template_links_the_risk_page_in_each_language(sections):  # noqa: F811
    template = AlertTemplate.objects.get(slug="flood")
    flood = publish(
        factories.RiskPageFactory(
            parent=sections["risks"]["fr"], title="Inondation", cap_category=template.category
        )
    )
    flood_nl = translate(flood, "nl", title="Overstroming")

    alert = services.alert_create_from_template(
        user=AuthorFactory(), template=template, whole_region=True
    )

    infos = alert.infos_by_language()
    assert infos["fr"].web_page.pk == flood.pk
    assert infos["nl"].web_page.pk == flood_nl.pk
    assert infos["en"].web_page is None  # no English risk page
