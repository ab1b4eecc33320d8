"""A partner contact answers a mobilisation request in Chromium on a phone, from the link in
the message, and the self-service page saves a change: the forms post (their links are the
key, so the pages keep them from other sites without breaking the browser's own checks)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.factories import AuthorFactory
from alerts.mobilisation import links
from alerts.mobilisation.factories import NetworkPartnerFactory, partner_contact
from alerts.mobilisation.models import Answer
from alerts.mobilisation.services import RequestData, mobilisation_send
from tests.browser.conftest import axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def asked(live_server, demo_site, settings):
    settings.SITE_BASE_URL = live_server.url
    partner = NetworkPartnerFactory(name="Croix-Rouge Bruxelles", language="nl")
    partner_contact(partner, 0, phone="+32470111000", language="nl")
    request = mobilisation_send(
        user=AuthorFactory(),
        data=RequestData(
            need_fr="Hébergement pour 40 personnes",
            need_nl="Noodopvang voor 40 personen",
            place="Gare du Midi",
            needed_from=timezone.now() + timedelta(hours=1),
        ),
        partners=[partner],
    )
    return request.targets.get()


def test_a_dutch_contact_answers_available_with_a_quantity_on_a_phone(browser, asked):
    from playwright.sync_api import expect

    page = browser.new_context(**PHONE).new_page()
    page.set_default_timeout(10_000)
    page.goto(links.answer_url(asked.pk, asked.contact_id, "nl"))
    expect(page.locator(".mobilisation__need")).to_have_text("Noodopvang voor 40 personen")
    assert axe_violations(page) == [], describe(axe_violations(page))

    page.get_by_label("Hoeveel kunt u leveren? (optioneel)").fill("25")
    page.get_by_role("button", name="Beschikbaar", exact=True).click()

    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "Bedankt: uw antwoord is geregistreerd"
    )
    asked.refresh_from_db()
    assert (asked.answer, asked.quantity) == (Answer.AVAILABLE, 25)
    page.get_by_role("link", name="De situatiepagina openen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Situatie")


def test_the_self_service_page_saves_a_partners_confirmation(browser, asked):
    from playwright.sync_api import expect

    page = browser.new_context(**PHONE).new_page()
    page.set_default_timeout(10_000)
    page.goto(links.self_service_url(asked.partner_id, "nl"))

    page.get_by_role("button", name="Bevestigen dat alles actueel is").click()

    expect(page.locator("main")).to_contain_text("het crisiscentrum weet dat uw fiche actueel is")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
