"""The training page: its sessions, places left, the registration form and what a
registrant sees once registered."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

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


@pytest.fixture
def first_session_full(training):
    """Two sessions: the first (earliest) full, the second open."""
    full = training.sessions.get()
    factories.TrainingRegistrationFactory(session=full)
    factories.TrainingSessionFactory(
        page=training,
        capacity=5,
        location="Caserne Héliport",
        start=full.start + dt.timedelta(days=7),
    )
    page = publish(training)
    full, open_ = page.sessions.order_by("start")
    return page, full, open_


class SelectReader(HTMLParser):
    """The options of <select name="session"> as a browser sees them."""

    def __init__(self):
        super().__init__()
        self.options, self._in_select, self._current = [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select" and attrs.get("name") == "session":
            self._in_select = True
        elif tag == "option" and self._in_select:
            self._current = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "disabled": "disabled" in attrs,
                "label": "",
            }
            self.options.append(self._current)

    def handle_data(self, data):
        if self._current is not None:
            self._current["label"] += data

    def handle_endtag(self, tag):
        if tag == "option":
            self._current = None
        elif tag == "select":
            self._in_select = False

    def shown(self):
        """The option a browser shows chosen: the one marked selected, else the first one
        that can be chosen (HTML's selectedness setting algorithm)."""
        marked = [o for o in self.options if o["selected"]]
        return (marked or [o for o in self.options if not o["disabled"]])[0]


def session_select(response):
    reader = SelectReader()
    reader.feed(response.content.decode())
    return reader


def _register(client, page, session, email="ana@example.org", follow=True):
    data = {"session": session.pk, "name": "Ana", "email": email, "organisation": "Ixelles"}
    return client.post(page.url, data, follow=follow)


def test_page_lists_sessions_with_places_left(client, training):
    html = client.get(training.url).content.decode()
    assert "Centre de crise" in html
    assert "1 / 1" in html
    assert '<form method="post"' in html


def test_a_full_session_is_not_chosen_for_the_visitor(client, first_session_full):
    page, full, _open = first_session_full
    select = session_select(client.get(page.url))
    assert select.shown()["value"] == ""  # "Choose a session", not the full one
    (full_option,) = [o for o in select.options if o["value"] == str(full.pk)]
    assert full_option["disabled"]
    with translation.override("fr"):
        assert full_option["label"] == gettext("%(session)s (full)") % {"session": str(full)}


def test_full_sessions_stay_marked_full_after_an_error(client, first_session_full):
    page, full, open_ = first_session_full
    response = client.post(page.url, {"session": open_.pk, "name": "Ana", "email": "not-an-email"})
    assert response.status_code == 400
    select = session_select(response)
    assert select.shown()["value"] == str(open_.pk)  # the visitor's choice is kept
    (full_option,) = [o for o in select.options if o["value"] == str(full.pk)]
    with translation.override("fr"):
        assert full_option["label"] == gettext("%(session)s (full)") % {"session": str(full)}
    assert full_option["disabled"]


def test_success_shows_the_registration_not_the_filled_form(
    client, training, django_capture_on_commit_callbacks
):
    session = training.sessions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, training, session, follow=False)
    assert response.status_code == 302
    registration_url = response["Location"]
    assert registration_url.startswith(training.url)

    response = client.get(registration_url)
    html = response.content.decode()
    assert response.status_code == 200
    with translation.override("fr"):
        assert gettext("You are registered") in html
        assert gettext("What happens next") in html
        assert gettext("Cancel my registration") in html
    assert "Ana" in html and "ana@example.org" in html and "Centre de crise" in html
    assert '<form method="post"' not in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]

    # The training page itself stays the same for everyone: nothing of Ana in it.
    page_html = client.get(training.url).content.decode()
    assert "ana@example.org" not in page_html
    with translation.override("fr"):
        assert gettext("Full") in page_html


def test_registration_confirms_by_email_in_the_dutch_page_language(
    client, training, django_capture_on_commit_callbacks
):
    dutch = translate(training, "nl", title="Gemeentelijke noodplanning")
    session = dutch.sessions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, dutch, session, email="an@example.org")

    assert response.redirect_chain[0][0].startswith(dutch.url)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    with translation.override("nl"):
        assert gettext("You are registered") in html
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


def test_a_place_taken_meanwhile_is_shown_full_with_the_refusal(
    client, training, django_capture_on_commit_callbacks
):
    """The page said one place left; someone took it before Ana sent the form."""
    session = training.sessions.get()
    factories.TrainingRegistrationFactory(session=session)
    response = _register(client, training, session)
    assert response.status_code == 400
    (option,) = [o for o in session_select(response).options if o["value"] == str(session.pk)]
    with translation.override("fr"):
        assert option["label"] == gettext("%(session)s (full)") % {"session": str(session)}


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


def test_the_rate_limit_keeps_no_typed_address_in_the_cache(client, training):
    _register(client, training, training.sessions.get(), email="victim@example.org")
    keys = list(getattr(cache, "_cache", {}).keys())
    assert keys, "the test expects the local-memory cache"
    assert not [k for k in keys if "victim" in k]


def test_past_sessions_are_not_offered(client, training):
    session = training.sessions.get()
    session.start = timezone.now() - dt.timedelta(hours=1)
    session.save()
    html = client.get(training.url).content.decode()
    assert "Centre de crise" not in html


def test_without_javascript_a_cached_page_registers_at_the_second_send(training, settings):
    """The cached page's form has no token (portal.public_forms); sent without JavaScript it
    comes back with the visitor's answers and a token of their own, and registers nobody;
    sent again, it registers."""
    settings.PAGE_CACHE_SECONDS = 60
    browser = Client(enforce_csrf_checks=True)
    session = training.sessions.get()
    answers = {"session": session.pk, "name": "Ana", "email": "ana@example.org"}
    answers["organisation"] = "Ixelles"
    browser.get(training.url)
    response = browser.post(training.url, {**answers, "csrfmiddlewaretoken": ""})
    html = response.content.decode()
    assert 'value="ana@example.org"' in html
    assert session_select(response).shown()["value"] == str(session.pk)
    assert not TrainingRegistration.objects.exists()

    (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    response = browser.post(training.url, {**answers, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert TrainingRegistration.objects.get().email == "ana@example.org"
