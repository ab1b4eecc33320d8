import pytest

from alerts.subscriptions import links, tokens
from alerts.subscriptions.factories import ContactPointFactory, SubscriberFactory
from tests.paths import path_before_token

pytestmark = pytest.mark.django_db


def test_unsubscribe_headers_follow_rfc_8058(settings):
    settings.SITE_BASE_URL = "https://alerte.example.invalid"
    contact_point = ContactPointFactory(subscriber=SubscriberFactory(language="nl"))
    headers = links.unsubscribe_headers(contact_point)
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    value = headers["List-Unsubscribe"]
    assert (
        value.startswith(
            "<https://alerte.example.invalid" + path_before_token("nl", "subscriptions:unsubscribe")
        )
        and value[-1] == ">"
    )
    token = value.rstrip("/>").rsplit("/", 1)[1]
    assert tokens.read_unsubscribe_token(token) == contact_point


def test_links_are_absolute_and_in_the_subscribers_language(settings):
    settings.SITE_BASE_URL = "https://alerte.example.invalid/"
    contact_point = ContactPointFactory(subscriber=SubscriberFactory(language="en"))
    assert links.confirm_url(contact_point).startswith(
        "https://alerte.example.invalid" + path_before_token("en", "subscriptions:confirm_email")
    )
    assert links.manage_url(contact_point.subscriber).startswith(
        "https://alerte.example.invalid" + path_before_token("en", "subscriptions:manage")
    )
