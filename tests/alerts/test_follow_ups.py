"""Follow-up messages say what they are: updates are marked in every channel and
language, unchanged texts are confirmed by their author, all-clears and corrections name
what ended, and a correction goes first to everyone the incident reached."""

import pytest

from alerts import services
from alerts.cap_vocab import MsgType
from alerts.delivery.ledger import ledger_fill
from alerts.delivery.models import Delivery, Priority
from alerts.exceptions import AlertTransitionError
from alerts.factories import SentAlertFactory
from alerts.models import AlertAction, AlertState, FastTrackKind
from alerts.outgoing import outgoing_payload
from alerts.rendering import render_email, render_push, render_sms
from alerts.subscriptions.factories import ContactPointFactory, PlaceFactory, SubscriberFactory
from tests.paths import path_in

pytestmark = pytest.mark.django_db

UPDATE_WORDS = {"fr": ("MISE A JOUR", "MISE À JOUR"), "nl": ("UPDATE",) * 2, "en": ("UPDATE",) * 2}


def _acknowledge_all(update):
    return [f"{language}.{name}" for language, name, _text in services.unchanged_texts(update)]


def test_an_update_is_marked_in_every_channel_and_language(author):
    update = services.alert_prepare_update(original=SentAlertFactory(), user=author)
    for language, (sms_word, title_word) in UPDATE_WORDS.items():
        assert render_sms(update, language).startswith(f"{sms_word}: ")
        assert render_push(update, language)["title"].startswith(f"{title_word} – ")
        email = render_email(update, language)
        assert email.subject.startswith(f"{title_word} – ")
        assert title_word in email.text and title_word in email.html
    # The French SMS marker stays within GSM-7: it never doubles the cost of an SMS.
    assert "À" not in render_sms(update, "fr")


def test_an_original_alert_carries_no_update_marker():
    alert = SentAlertFactory()
    assert not render_sms(alert, "fr").startswith("MISE")
    assert "UPDATE" not in render_push(alert, "nl")["title"]


def test_unchanged_texts_of_an_update_must_be_confirmed_before_submitting(author):
    update = services.alert_prepare_update(original=SentAlertFactory(), user=author)
    info = update.infos.get(language="fr")
    info.headline = "Le nuage se déplace vers Ixelles"
    info.save()
    unchanged = _acknowledge_all(update)
    assert "fr.headline" not in unchanged and "fr.sms_text" in unchanged
    with pytest.raises(AlertTransitionError, match="have not changed") as refused:
        services.alert_submit(alert=update, user=author, acknowledged=unchanged[1:])
    assert str(unchanged[0].split(".")[0]).upper() in str(refused.value)
    update.refresh_from_db()
    assert update.state == AlertState.DRAFT
    services.alert_submit(alert=update, user=author, acknowledged=unchanged)
    update.refresh_from_db()
    assert update.state == AlertState.SUBMITTED


@pytest.mark.parametrize(
    ("kind", "fr_start"),
    [
        (FastTrackKind.ALL_CLEAR, "Fin de l'alerte : Rejet chimique — Ixelles"),
        (FastTrackKind.CORRECTION, "Alerte envoyée par erreur : Rejet chimique — Ixelles"),
    ],
)
def test_an_ending_names_the_event_and_the_area_in_every_channel_and_has_no_until(
    approver, kind, fr_start
):
    original = SentAlertFactory(area=["21009"])
    ending = services.alert_cancel_fast_track(
        original=original, user=approver, reason="Over", kind=kind
    )
    assert ending.msg_type == MsgType.CANCEL and ending.correction == (kind == "correction")
    words = {"fr": ("Rejet chimique", "Ixelles"), "nl": ("Chemische lozing", "Elsene")}
    words["en"] = ("Chemical release", "Ixelles / Elsene")
    for language, (event, area) in words.items():
        sms = render_sms(ending, language)
        push = render_push(ending, language)
        email = render_email(ending, language)
        for text in (sms, push["title"], email.subject, email.text):
            assert event in text and area in text, (language, text)
        assert "Until" not in email.text and "Jusqu" not in email.text
    assert render_push(ending, "fr")["title"] == fr_start
    logged = ending.events.get(action=AlertAction.CREATED).detail
    assert "v1" in logged


def test_two_ended_incidents_are_told_apart_on_the_public_site(client, demo_site, approver):
    for commune in ("21009", "21016"):
        ending = services.alert_cancel_fast_track(
            original=SentAlertFactory(area=[commune]), user=approver, reason="Over"
        )
        type(ending).objects.filter(pk=ending.pk).update(state=AlertState.SENT)
    html = client.get(path_in("fr", "alerts:list")).content.decode()
    assert "Fin de l&#x27;alerte : Rejet chimique — Ixelles" in html
    assert "Fin de l&#x27;alerte : Rejet chimique — Uccle" in html


def test_a_correction_reaches_everyone_the_incident_reached_ahead_of_everything(approver):
    original = SentAlertFactory(area=["21009"])
    moved_away = SubscriberFactory(language="nl")
    place = PlaceFactory(subscriber=moved_away, communes=["21009"])
    reached = ContactPointFactory(subscriber=moved_away, channel="sms")
    ledger_fill(original)
    assert Delivery.objects.filter(alert=original, contact_point=reached).exists()
    place.communes.set(["21016"])  # they now watch Uccle only

    correction = services.alert_cancel_fast_track(
        original=original, user=approver, reason="Wrong button", kind=FastTrackKind.CORRECTION
    )
    ledger_fill(correction)
    row = Delivery.objects.get(alert=correction, contact_point=reached)
    assert row.priority == Priority.CORRECTION < Priority.CANCEL
    assert row.language == "nl"


def test_the_approve_page_of_an_update_shows_what_changed_since_the_previous_message(
    client, demo_site, author, approver
):
    from tests.alerts.test_admin_views import _login

    original = SentAlertFactory()
    update = services.alert_prepare_update(original=original, user=author)
    info = update.infos.get(language="fr")
    info.sms_text = "ALERTE: le nuage atteint Ixelles, restez dedans."
    info.save()
    type(update).objects.filter(pk=update.pk).update(severity="Extreme")
    services.alert_submit(alert=update, user=author, acknowledged=_acknowledge_all(update))
    _login(client, approver)
    html = client.get(f"/admin/alerts/{update.pk}/approve/").content.decode()
    assert "What changes since the previous message of this incident" in html
    assert "le nuage atteint Ixelles" in html and "Extreme" in html
    # What always differs between two messages of an incident is not listed as a change.
    assert '<th scope="row">Message type</th>' not in html
    assert '<th scope="row">Push link (FR)</th>' not in html
    # A long text (the email) shows only its lines that changed.
    assert 'class="alert-admin-pre alert-admin-diff"' in html
    # The payload it is computed on holds both versions of the French SMS.
    before = outgoing_payload(original)["texts"]["fr"]["sms"]
    assert "ALERTE: rentrez" in before


def test_the_author_confirms_each_unchanged_text_in_the_admin(client, demo_site, author):
    from tests.alerts.test_admin_views import _login

    update = services.alert_prepare_update(original=SentAlertFactory(), user=author)
    _login(client, author)
    html = client.get(f"/admin/alerts/{update.pk}/").content.decode()
    assert "Unchanged since the previous message" in html
    assert 'name="acknowledged" value="fr.sms_text" required' in html
    response = client.post(f"/admin/alerts/{update.pk}/submit/", follow=True)
    assert "have not changed since the previous message" in response.content.decode()
    update.refresh_from_db()
    assert update.state == AlertState.DRAFT
    client.post(f"/admin/alerts/{update.pk}/submit/", {"acknowledged": _acknowledge_all(update)})
    update.refresh_from_db()
    assert update.state == AlertState.SUBMITTED


def test_past_alerts_are_listed_once_per_incident_with_its_messages(
    client, demo_site, author, approver
):
    original = SentAlertFactory(area=["21009"])
    update = services.alert_prepare_update(original=original, user=author)
    ending = services.alert_cancel_fast_track(original=original, user=approver, reason="Over")
    type(update).objects.filter(pk__in=[update.pk, ending.pk]).update(
        state=AlertState.SENT, sent=original.sent
    )
    html = client.get(path_in("fr", "alerts:list")).content.decode()
    past = html[html.index('id="past-title"') :]
    assert past.count('class="alert-card') == 1
    assert past.count("<li><time") == 3  # the original, its update, its all-clear
    assert "Fin de l&#x27;alerte : Rejet chimique — Ixelles" in past
