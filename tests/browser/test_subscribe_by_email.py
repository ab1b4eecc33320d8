"""A citizen subscribes by email in a real browser: the confirmation email goes through
Django's SMTP backend to a real SMTP server, and its link confirms the address."""

import re

import pytest

from tests.paths import path_before_token, path_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_link_in_the_real_confirmation_email_confirms_the_address(
    browser, live_server, demo_site, smtp_settings, settings
):
    from playwright.sync_api import expect

    from alerts.subscriptions.models import ContactPoint

    settings.SITE_BASE_URL = live_server.url
    page = browser.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + path_in("fr", "subscriptions:subscribe"))
    page.get_by_label("Adresse e-mail").fill("lea.martin@example.org")
    page.get_by_label(re.compile("Toute la Région de Bruxelles-Capitale")).check()
    page.get_by_label(
        re.compile("LUX response conserve ces données pour m.envoyer des alertes")
    ).check()
    page.get_by_role("button", name="M'abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Presque terminé : confirmez votre abonnement"
    )
    assert page.url.endswith(path_in("fr", "subscriptions:pending"))

    [message] = smtp_settings.to("lea.martin@example.org")
    text = message.get_body(preferencelist=("plain",)).get_content()
    confirm = re.escape(path_before_token("fr", "subscriptions:confirm_email"))
    [link] = re.findall(rf"(http://\S+{confirm}[^\s/]+/)", text)
    assert link.startswith(live_server.url)
    assert ContactPoint.objects.get(address="lea.martin@example.org").confirmed_at is None

    page.goto(link)
    page.get_by_role("button", name="Oui, envoyez-moi les alertes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre adresse e-mail est confirmée")
    expect(page.get_by_role("main")).to_contain_text(
        "Les alertes pour les lieux que vous avez choisis seront envoyées à lea.martin@example.org."
    )
    assert ContactPoint.objects.get(address="lea.martin@example.org").confirmed_at is not None
