"""A registrant's own link: in the confirmation email with the organiser's contact, it
shows the registration and cancels it once, freeing the place, until the session starts."""

import datetime as dt
import html
import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from campaigns import factories, services
from campaigns.models import TrainingRegistration
from campaigns.registration_links import registration_path, registration_token
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db

PUBLIC = "https://lux.example.test:8443"


def _segment_in_any_language(msgid: str) -> str:
    """The URL segment as each language spells it ("annulation/", "annuleren/", "cancel/")."""
    spellings = set()
    for language in ("fr", "nl", "en"):
        with translation.override(language):
            spellings.add(re.escape(gettext(msgid)))
    return "(?:" + "|".join(sorted(spellings)) + ")"


CANCEL = _segment_in_any_language("cancel/")


@pytest.fixture
def training(sections):
    page = factories.TrainingPageFactory(
        parent=sections["trainings"]["fr"],
        title="Exercice d'évacuation",
        organiser_name="safe.brussels",
        organiser_email="formations@safe.brussels",
        organiser_phone="+32 2 507 99 11",
    )
    factories.TrainingSessionFactory(page=page, capacity=1, location="Centre de crise")
    return publish(page)


def _registered(client, page, django_capture_on_commit_callbacks, email="ana@example.org"):
    session = page.sessions.get()
    data = {"session": session.pk, "name": "Ana", "email": email, "organisation": "Ixelles"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page.url, data)
    (message,) = mail.outbox
    return TrainingRegistration.objects.get(), message


def _cancel_link(message) -> str:
    (url,) = re.findall(rf"{re.escape(PUBLIC)}\S*/{CANCEL}\S+/", message.body)
    return url


@override_settings(SITE_BASE_URL=PUBLIC)
def test_email_gives_a_cancel_link_and_the_organisers_contact_on_the_public_address(
    client, training, django_capture_on_commit_callbacks
):
    _registration, message = _registered(client, training, django_capture_on_commit_callbacks)
    assert _cancel_link(message).startswith(PUBLIC + training.url)
    assert f"{PUBLIC}{training.url}\n" in message.body  # "More information" link
    assert "http://localhost" not in message.body and "testserver" not in message.body
    assert "safe.brussels" in message.body
    assert "formations@safe.brussels" in message.body
    assert "+32 2 507 99 11" in message.body


@override_settings(SITE_BASE_URL=PUBLIC)
def test_the_dutch_email_links_to_the_dutch_page(
    client, training, django_capture_on_commit_callbacks
):
    dutch = translate(training, "nl", title="Evacuatieoefening")
    _registration, message = _registered(client, dutch, django_capture_on_commit_callbacks)
    assert _cancel_link(message).startswith(PUBLIC + dutch.url)


def test_cancel_link_asks_then_cancels_once_and_frees_the_place(
    client, training, django_capture_on_commit_callbacks
):
    registration, message = _registered(client, training, django_capture_on_commit_callbacks)
    path = _cancel_link_path(message)
    with translation.override("fr"):
        full = gettext("Full")
        confirm = gettext("Yes, cancel my registration")
        done = gettext("Your registration is cancelled")
        gone = gettext("This registration has been cancelled. Its place was given back.")
    assert f"<strong>{full}</strong>" in client.get(training.url).content.decode()

    # Opening the link (a person, or a mail scanner) cancels nothing.
    response = client.get(path)
    assert response.status_code == 200
    assert confirm in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert TrainingRegistration.objects.filter(pk=registration.pk).exists()

    response = client.post(path)
    assert response.status_code == 200
    assert done in response.content.decode()
    assert not TrainingRegistration.objects.filter(pk=registration.pk).exists()
    assert "1 / 1" in client.get(training.url).content.decode()  # the place is back
    (entry,) = ModelLogEntry.objects.filter(action=services.REGISTRATION_CANCEL_ACTION)
    assert entry.object_id == str(registration.pk)
    assert entry.data["by"] == "registrant"

    # The link works once.
    for again in (client.post(path), client.get(path)):
        assert again.status_code == 410
        assert gone in again.content.decode()
    assert ModelLogEntry.objects.filter(action=services.REGISTRATION_CANCEL_ACTION).count() == 1


def test_without_javascript_one_click_cancels(
    client, training, django_capture_on_commit_callbacks, settings
):
    """The confirm page is one person's page, never cached: its form carries the visitor's
    own CSRF token even with the page cache on, so a browser without JavaScript (which
    cannot fetch a token for a cached page) cancels with the first click."""
    settings.PAGE_CACHE_SECONDS = 60
    registration, message = _registered(client, training, django_capture_on_commit_callbacks)
    path = _cancel_link_path(message)
    browser = Client(enforce_csrf_checks=True)
    (token,) = re.findall(
        r'name="csrfmiddlewaretoken" value="([^"]*)"', browser.get(path).content.decode()
    )
    assert token
    response = browser.post(path, {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert not TrainingRegistration.objects.filter(pk=registration.pk).exists()


def test_expired_link_is_refused_with_a_clear_message(
    client, training, django_capture_on_commit_callbacks
):
    registration, message = _registered(client, training, django_capture_on_commit_callbacks)
    path = _cancel_link_path(message)
    session = registration.session
    session.start = timezone.now() - dt.timedelta(minutes=5)
    session.save()
    with translation.override("fr"):
        expired = gettext(
            "This link has expired: the session has started. To change anything now, "
            "please contact the organiser."
        )
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        html = response.content.decode()
        assert expired.replace("'", "&#x27;") in html
        assert "formations@safe.brussels" in html  # whom to contact instead
    assert TrainingRegistration.objects.filter(pk=registration.pk).exists()


def test_a_postponed_session_keeps_its_links(client, training, django_capture_on_commit_callbacks):
    registration, message = _registered(client, training, django_capture_on_commit_callbacks)
    session = registration.session
    session.start = timezone.now() + dt.timedelta(days=60)
    session.save()
    assert client.get(_cancel_link_path(message)).status_code == 200


def test_a_forged_or_altered_link_is_refused(client, training):
    registration = factories.TrainingRegistrationFactory(session=training.sessions.get())
    good = registration_path(training, registration.pk, "cancel")
    with translation.override("fr"):
        invalid = gettext("This link is not valid. Please use the link in your confirmation email.")
    token = registration_token(registration.pk)
    for path in (good.replace(token, token[:-2] + "xx"), good.replace(token, "MTI")):
        response = client.post(path)
        assert response.status_code == 404
        assert invalid in html.unescape(response.content.decode())
    assert TrainingRegistration.objects.filter(pk=registration.pk).exists()


def test_a_link_opens_only_under_its_own_training(client, training, sections):
    other = factories.TrainingPageFactory(parent=sections["trainings"]["fr"])
    factories.TrainingSessionFactory(page=other)
    other = publish(other)
    registration = factories.TrainingRegistrationFactory(session=training.sessions.get())
    token = registration_token(registration.pk)
    path = other.url + other.reverse_subpage("cancel", kwargs={"token": token})
    assert client.post(path).status_code == 404
    assert TrainingRegistration.objects.filter(pk=registration.pk).exists()


def test_service_refuses_to_cancel_a_started_session():
    registration = factories.TrainingRegistrationFactory(
        session__start=timezone.now() - dt.timedelta(minutes=1)
    )
    with pytest.raises(services.RegistrationRefused):
        services.registration_cancel(registration_id=registration.pk)
    assert TrainingRegistration.objects.filter(pk=registration.pk).exists()


def _cancel_link_path(message) -> str:
    """The cancel link of the email, as a path of this test server."""
    (url,) = re.findall(rf"https?://[^/\s]+(/\S*/{CANCEL}\S+/)", message.body)
    return url
