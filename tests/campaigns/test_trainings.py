"""The training page: its sessions, places left and the registration form."""

import pytest
from django.core import mail

from campaigns import factories
from campaigns.models import TrainingRegistration
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(sections):
    page = factories.TrainingPageFactory(
        parent=sections["trainings"]["fr"], title="Planification d'urgence communale"
    )
    factories.TrainingSessionFactory(page=page, capacity=1, location="Centre de crise")
    return publish(page)


def _register(client, page, session, email="ana@example.org"):
    data = {"session": session.pk, "name": "Ana", "email": email, "organisation": "Ixelles"}
    return client.post(page.url, data, follow=True)


def test_page_lists_sessions_with_places_left(client, training):
    html = client.get(training.url).content.decode()
    assert "Centre de crise" in html
    assert "1 / 1" in html
    assert '<form method="post"' in html


def test_registration_confirms_by_email_in_the_dutch_page_language(
    client, training, django_capture_on_commit_callbacks
):
    dutch = translate(training, "nl", title="Gemeentelijke noodplanning")
    session = dutch.sessions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, dutch, session, email="an@example.org")

    html = response.content.decode()
    assert "U bent ingeschreven. Er is een bevestiging verstuurd naar an@example.org." in html
    (message,) = mail.outbox
    assert message.to == ["an@example.org"]
    assert message.subject == "Inschrijving bevestigd: Gemeentelijke noodplanning"
    assert "Uw inschrijving voor" in message.body
    assert TrainingRegistration.objects.get().language == "nl"


def test_registration_email_in_french(client, training, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, training, training.sessions.get())
    (message,) = mail.outbox
    assert message.subject == "Inscription confirmée : Planification d'urgence communale"
    assert "Bonjour Ana," in message.body


def test_full_session_refuses_with_a_clear_message(
    client, training, django_capture_on_commit_callbacks
):
    session = training.sessions.get()
    factories.TrainingRegistrationFactory(session=session)
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, training, session)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Cette session est complète. Veuillez choisir une autre session." in html
    assert "<strong>Complet</strong>" in html
    assert TrainingRegistration.objects.count() == 1
    assert mail.outbox == []


def test_places_are_shared_by_the_translations_of_a_session(
    client, training, django_capture_on_commit_callbacks
):
    dutch = translate(training, "nl", title="Gemeentelijke noodplanning")
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, dutch, dutch.sessions.get(), email="an@example.org")
        response = _register(client, training, training.sessions.get())
    assert "Cette session est complète" in response.content.decode()
    assert TrainingRegistration.objects.count() == 1


def test_invalid_form_shows_errors_and_registers_nobody(client, training):
    response = client.post(training.url, {"session": training.sessions.get().pk, "email": "x"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not TrainingRegistration.objects.exists()


def test_one_address_cannot_be_flooded_with_confirmations(
    client, training, django_capture_on_commit_callbacks
):
    for _n in range(3):
        factories.TrainingSessionFactory(page=training, capacity=5)
    page = publish(training)
    sessions = list(page.sessions.order_by("pk"))
    with django_capture_on_commit_callbacks(execute=True):
        for session in sessions[:3]:
            _register(client, page, session, email="victim@example.org")
        response = client.post(
            page.url,
            {
                "session": sessions[3].pk,
                "name": "X",
                "email": "victim@example.org",
                "organisation": "X",
            },
        )
    assert response.status_code == 429
    assert "Trop d&#x27;inscriptions" in response.content.decode()
    assert len(mail.outbox) == 3
