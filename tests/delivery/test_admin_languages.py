"""The alert screens speak the reader's language: channel names and amounts of money
(an officer reading French sees "E-mail" and "0,0795 €", one reading Dutch "€ 0,0795")."""

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from alerts.delivery import ledger
from alerts.delivery.templatetags.delivery_tags import channel_label, channel_labels
from alerts.factories import AlertFactory, AuthorFactory, SentAlertFactory
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


def _login(client, language):
    user = AuthorFactory(username=f"author-{language}")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return login_with_second_factor(client, user)


@pytest.fixture
def audience(make_audience):
    make_audience(2, channel="email")
    make_audience(1, channel="sms", address=lambda i: {"address": "+32470994001"})
    make_audience(1, channel="push", language="nl")


@pytest.mark.parametrize(
    ("language", "email", "push", "price"),
    [
        ("fr", "E-mail", "Notification du navigateur", "0,0795\xa0€"),
        ("nl", "E-mail", "Browsermelding", "€\xa00,0795"),
    ],
)
def test_composer_names_channels_and_prices_as_the_reader_writes_them(
    client, demo_site, audience, settings, language, email, push, price
):
    settings.SMS_PRICE_PER_SEGMENT_EUR = 0.0795
    alert = AlertFactory()
    _login(client, language)
    page = client.get(f"/admin/alerts/{alert.pk}/").content.decode()
    assert f"<td>{email}</td>" in page and f"<td>{push}</td>" in page
    assert "<td>email</td>" not in page and "<td>push</td>" not in page
    assert price in page
    assert "€ 0.0795" not in page and "€ 0,0795" not in page.replace(price, "")


@pytest.mark.parametrize(
    ("language", "sms_total"),
    [("fr", "0,08\xa0€"), ("nl", "€\xa00,08")],
)
def test_audience_estimate_total_keeps_two_decimals(
    client, demo_site, audience, settings, language, sms_total
):
    settings.SMS_PRICE_PER_SEGMENT_EUR = 0.0795
    alert = AlertFactory()
    _login(client, language)
    page = client.get(f"/admin/alerts/{alert.pk}/").content.decode()
    assert sms_total in page


@pytest.mark.parametrize(
    ("language", "row"), [("fr", "Notification du navigateur"), ("nl", "Browsermelding")]
)
def test_delivery_dashboard_names_channels_in_the_readers_language(
    client, demo_site, audience, language, row
):
    alert = SentAlertFactory()
    ledger.ledger_create(alert)
    _login(client, language)
    page = client.get(f"/admin/alerts/{alert.pk}/delivery/").content.decode()
    assert f'<th scope="row">{row}</th>' in page
    assert '<th scope="row">push</th>' not in page


def test_the_outbox_warning_lists_channels_by_their_names():
    with translation.override("nl"):
        assert channel_labels(["email", "push", "sms"]) == "E-mail, Browsermelding, Sms"
    assert channel_label("fax") == "fax"
