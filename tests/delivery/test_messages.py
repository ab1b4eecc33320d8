"""What each recipient's message carries besides the alert's text: an alert email ends
with a visible footer holding the recipient's own manage and unsubscribe links."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from alerts.delivery import ledger
from alerts.delivery.messages import MessageBuilder
from alerts.delivery.models import Delivery
from alerts.subscriptions.models import ContactPoint

pytestmark = pytest.mark.django_db
PUBLIC = "https://alerte.example.be:8443"


def _email_for(make_audience, sending_alert, language):
    (contact_point,) = make_audience(1, channel="email", language=language)
    ledger.ledger_create(sending_alert())
    delivery = Delivery.objects.select_related("contact_point", "contact_point__subscriber").get(
        contact_point=contact_point
    )
    return contact_point, MessageBuilder().build(delivery)


def _path_prefix(name: str, language: str) -> str:
    """The path of a link of this kind, in `language`, without its token."""
    with translation.override(language):
        return reverse(name, kwargs={"token": "T"}).rsplit("T/", 1)[0]


@override_settings(SITE_BASE_URL=PUBLIC)
def test_alert_email_footer_gives_manage_and_unsubscribe_links_that_work(
    client, make_audience, sending_alert
):
    contact_point, message = _email_for(make_audience, sending_alert, "nl")

    footer = message.text.split("\n-- \n", 1)[1]
    with translation.override("nl"):
        manage = re.search(
            re.escape(PUBLIC + _path_prefix("subscriptions:manage", "nl")) + r"\S+", footer
        )
        unsubscribe = re.search(
            re.escape(PUBLIC + _path_prefix("subscriptions:unsubscribe", "nl")) + r"\S+", footer
        )
    assert manage and unsubscribe, footer
    # The html version shows the same two links at the end of its body.
    assert f'href="{manage.group()}"' in message.html
    assert f'href="{unsubscribe.group()}"' in message.html
    assert message.html.index(f'href="{unsubscribe.group()}"') < message.html.index("</body>")
    # The one-click header stays.
    assert message.headers["List-Unsubscribe"] == f"<{unsubscribe.group()}>"

    # Each link opens the recipient's own page, in Dutch.
    page = client.get(manage.group().removeprefix(PUBLIC))
    assert page.status_code == 200
    assert page.context["subscriber"] == contact_point.subscriber
    assert 'lang="nl"' in page.content.decode()
    client.post(unsubscribe.group().removeprefix(PUBLIC))
    assert not ContactPoint.objects.get(pk=contact_point.pk).active


def test_alert_email_footer_is_in_the_recipients_language(make_audience, sending_alert):
    _contact_point, dutch = _email_for(make_audience, sending_alert, "nl")
    assert ">Mijn abonnement beheren</a>" in dutch.html
    assert ">Dit adres uitschrijven</a>" in dutch.html


def test_the_footer_names_no_other_recipient(make_audience, sending_alert):
    first, second = make_audience(2, channel="email")
    ledger.ledger_create(sending_alert())
    builder = MessageBuilder()
    messages = [
        builder.build(delivery)
        for delivery in Delivery.objects.select_related(
            "contact_point", "contact_point__subscriber"
        ).order_by("contact_point_id")
    ]
    assert messages[0].text != messages[1].text
    assert messages[0].headers["List-Unsubscribe"].strip("<>") in messages[0].text
    assert messages[1].headers["List-Unsubscribe"].strip("<>") not in messages[0].text
