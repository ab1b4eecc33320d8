"""Once an address is confirmed, the citizen gets a "you are subscribed" message on that
channel, restating channels, places, topics and language with the way to change them:
sent once the confirmation commits, once per confirmation, within limits."""

import json

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from alerts.channels.outbox import OutboxChannel
from alerts.subscriptions import services
from alerts.subscriptions.factories import SubscriberFactory
from alerts.subscriptions.models import ContactPoint
from alerts.subscriptions.services import PlaceData
from tests.subscriptions.helpers import browser_subscription, code_from, links_in, path_of

pytestmark = pytest.mark.django_db
PUBLIC = "https://alerte.example.be:8443"


def _subscribe(run_on_commit, **kwargs):
    fields = {
        "language": "nl",
        "topics": ["Fire", "Met"],
        "places": [PlaceData(communes=["21009", "21005"])],
        "client_ip": "192.0.2.1",
    }
    fields.update(kwargs)
    with run_on_commit(execute=True):
        return services.subscription_create(**fields)


def _path(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@override_settings(SITE_BASE_URL=PUBLIC)
def test_confirming_an_email_sends_one_welcome_restating_the_subscription(
    client, django_capture_on_commit_callbacks
):
    subscriber = _subscribe(django_capture_on_commit_callbacks, email="an@example.invalid")
    contact_point = subscriber.contact_points.get()
    assert len(mail.outbox) == 1  # the confirmation link, nothing more yet

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.contact_point_confirm(contact_point=contact_point, method="email link")
    assert len(mail.outbox) == 1  # nothing leaves before the confirmation is committed
    for callback in callbacks:
        callback()

    welcome = mail.outbox[-1]
    assert welcome.to == ["an@example.invalid"]
    assert "LUX response" in welcome.subject
    text = welcome.body
    # Channels, communes (in Dutch), topics, language.
    assert "an@example.invalid" in text
    assert "Elsene" in text and "Etterbeek" in text
    with translation.override("nl"):
        topics = [str(label) for label in subscriber.topic_labels]
    assert topics and all(topic in text for topic in topics)
    assert "Nederlands" in text
    # The manage link (Dutch, public address) opens this subscriber's page.
    manage_prefix = PUBLIC + _path("subscriptions:manage", "nl", token="T").rsplit("T/", 1)[0]
    access = PUBLIC + _path("subscriptions:manage_access", "nl")
    (manage,) = [
        link for link in links_in(text) if link.startswith(manage_prefix) and link != access
    ]
    assert client.get(path_of(manage)).context["subscriber"] == subscriber
    assert f'href="{manage}"' in welcome.alternatives[0][0]
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The confirmation link opened again confirms nothing more, and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_point_confirm(contact_point=contact_point, method="email link")
    assert len(mail.outbox) == 2


@override_settings(SITE_BASE_URL=PUBLIC)
def test_confirming_a_phone_by_code_sends_one_short_welcome_sms(django_capture_on_commit_callbacks):
    subscriber = _subscribe(django_capture_on_commit_callbacks, phone="+32470000001", language="fr")
    outbox = OutboxChannel("sms")
    (confirmation,) = outbox.read_all()
    contact_point = subscriber.contact_points.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.verification_check(
            contact_point=contact_point, purpose="confirm", code=code_from(confirmation["text"])
        )

    welcome = outbox.read_all()[-1]
    assert welcome["address"] == "+32470000001"
    assert "Ixelles" in welcome["text"] and "Etterbeek" in welcome["text"]
    assert "Français" in welcome["text"]
    assert PUBLIC + _path("subscriptions:manage_access", "fr") in welcome["text"]
    assert len(welcome["text"]) <= 2 * 153  # short: two segments at most
    assert len(outbox.read_all()) == 2

    # The same code again is refused and sends nothing more.
    with pytest.raises(services.CodeError), django_capture_on_commit_callbacks(execute=True):
        services.verification_check(
            contact_point=contact_point, purpose="confirm", code=code_from(confirmation["text"])
        )
    assert len(outbox.read_all()) == 2


@override_settings(SITE_BASE_URL=PUBLIC)
def test_a_push_sign_up_gets_a_welcome_notification_leading_to_the_manage_page(
    django_capture_on_commit_callbacks,
):
    _subscribe(
        django_capture_on_commit_callbacks,
        push_subscription=browser_subscription(),
        language="en",
    )
    (notification,) = OutboxChannel("push").read_all()
    payload = notification["payload"]
    assert payload["title"] == "You are subscribed to LUX response alerts"
    assert "Ixelles / Elsene" in payload["body"]
    assert payload["url"] == PUBLIC + _path("subscriptions:manage_access", "en")
    assert json.loads(notification["address"])["endpoint"] == browser_subscription()["endpoint"]


def test_welcomes_to_one_address_are_rate_limited(settings, django_capture_on_commit_callbacks):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {
        **settings.SUBSCRIPTIONS_RATE_LIMITS,
        "welcome": (1, 3600),
    }
    for _ in range(2):
        subscriber = _subscribe(django_capture_on_commit_callbacks, email="re@example.invalid")
        with django_capture_on_commit_callbacks(execute=True):
            services.contact_point_confirm(
                contact_point=subscriber.contact_points.get(), method="email link"
            )
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 3  # two confirmation links, one welcome


def test_staff_adding_a_contact_in_the_admin_sends_no_welcome(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.audience_member_save(
            subscriber=SubscriberFactory(audience="test"), email="staff@example.invalid"
        )
    assert ContactPoint.objects.get().confirmed_at is not None
    assert mail.outbox == []
