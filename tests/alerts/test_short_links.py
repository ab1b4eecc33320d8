"""An alert's SMS ends with a short link to the alert's own page in the reader's language
(/a/<id>/<language>, one language-neutral route that redirects), on the public address;
the composer's estimate counts it, so the segments it shows are the segments sent."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from alerts.cap_vocab import Scope, Status
from alerts.factories import AlertFactory, SentAlertFactory
from alerts.forms import info_forms
from alerts.rendering import render_sms, sms_preview
from alerts.sms_encoding import sms_length

pytestmark = pytest.mark.django_db
PUBLIC = "https://alerte.example.be:8443"


def _detail(alert, language):
    with translation.override(language):
        return reverse("alerts:detail", kwargs={"identifier": alert.identifier})


@override_settings(SITE_BASE_URL=PUBLIC)
def test_the_sms_ends_with_a_short_link_that_opens_the_alert_in_the_readers_language(client):
    alert = SentAlertFactory()
    for language in ("fr", "nl", "en"):
        text = render_sms(alert, language)
        body, link = text.rsplit(" ", 1)
        assert link == f"{PUBLIC}/a/{alert.pk}/{language}"
        response = client.get(link.removeprefix(PUBLIC))
        assert response.status_code == 302
        assert response["Location"] == _detail(alert, language)
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert f'lang="{language}"' in page.content.decode()
    # The link is short: the French SMS of the factory still fits one segment.
    assert sms_length(render_sms(alert, "fr")).segments == 1


def test_without_a_language_the_browsers_is_used(client):
    alert = SentAlertFactory()
    response = client.get(f"/a/{alert.pk}", HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == _detail(alert, "nl")
    assert "Accept-Language" in response["Vary"]


def test_an_alert_citizens_cannot_see_has_no_page_behind_its_short_link(client):
    draft = AlertFactory()
    for path in (f"/a/{draft.pk}/fr", "/a/999999/fr", f"/a/{SentAlertFactory().pk}/de"):
        response = client.get(path, follow=True)
        assert response.status_code == 404, path
        assert all(_detail(draft, "fr") != url for url, _status in response.redirect_chain)


def test_tests_and_restricted_alerts_carry_no_link():
    # A Test goes to the test audience and is never published; a restricted alert's page
    # is not public either: a link would only lead to "not found".
    for alert in (SentAlertFactory(status=Status.TEST), SentAlertFactory(scope=Scope.RESTRICTED)):
        assert "/a/" not in render_sms(alert, "fr")


@override_settings(SITE_BASE_URL=PUBLIC)
def test_the_composers_estimate_counts_the_link_for_saved_and_new_alerts():
    alert = AlertFactory()
    # A saved alert: the estimate is the SMS as sent.
    french = info_forms(alert, status=Status.ACTUAL)[0]
    context = french.fields["sms_text"].widget.get_context("fr-sms_text", "Texte", {})
    assert context["sms"]["suffix"] == f" {PUBLIC}/a/{alert.pk}/fr"
    existing = (
        info_forms(alert)[0]
        .fields["sms_text"]
        .widget.get_context("fr-sms_text", alert.infos.get(language="fr").sms_text, {})
    )
    assert existing["sms"]["length"] == sms_preview(alert, "fr").length
    # A new alert: the link under the id it will get; a Test has none.
    new = info_forms(None, status=Status.ACTUAL)[1].fields["sms_text"].widget
    estimate = new.get_context("nl-sms_text", "Ga naar binnen.", {})["sms"]
    assert estimate["length"] == sms_length(f"Ga naar binnen. {PUBLIC}/a/{alert.pk + 1}/nl")
    new.status = Status.TEST
    assert new.get_context("nl-sms_text", "x", {})["sms"]["suffix"] == ""
