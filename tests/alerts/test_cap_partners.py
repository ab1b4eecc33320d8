"""A partner's Update and Cancel of the alert it sent us: found by the partner's own
(sender, identifier, sent), whether that alert awaits approval here or was sent."""

import re

import pytest
from django.utils import timezone

from alerts.cap_vocab import MsgType
from alerts.factories import UserFactory
from alerts.models import Alert, AlertAction, AlertState, ImportToken
from tests.alerts.test_cap_import import _post, cap_document, token  # noqa: F401

pytestmark = pytest.mark.django_db

SENDER = "partner@example.invalid"


def _original(client, token):  # noqa: F811
    document = cap_document()
    response = _post(client, document, token)
    assert response.status_code == 201, response.content
    alert = Alert.objects.get(identifier=response.json()["identifier"])
    sent = document.split(b"<sent>")[1].split(b"</sent>")[0].decode()
    return alert, f"{SENDER},PARTNER-1,{sent}"


def _follow_up(reference, msg_type, *, identifier="PARTNER-2", infos=True):
    document = cap_document(msg_type=msg_type, references=reference)
    document = document.replace(
        b"<identifier>PARTNER-1</identifier>", f"<identifier>{identifier}</identifier>".encode()
    )
    if not infos:
        document = document[: document.index(b"<info>")].rstrip() + b"</alert>"
    return document


def _send(alert):
    Alert.objects.filter(pk=alert.pk).update(state=AlertState.SENT, sent=timezone.now())


def test_an_imported_alert_remembers_the_partner_identity(client, token):  # noqa: F811
    alert, reference = _original(client, token)
    assert (alert.partner_sender, alert.partner_identifier) == (SENDER, "PARTNER-1")
    assert f"{alert.partner_sender},{alert.partner_identifier},{alert.partner_sent}" == reference


def test_the_partner_update_of_its_sent_alert_is_a_follow_up_awaiting_approval(client, token):  # noqa: F811
    original, reference = _original(client, token)
    _send(original)
    response = _post(client, _follow_up(reference, "Update"), token)
    assert response.status_code == 201, response.content
    update = Alert.objects.get(identifier=response.json()["identifier"])
    assert update.msg_type == MsgType.UPDATE and update.state == AlertState.SUBMITTED
    assert update.references == original and update.thread_root == original


def test_a_bare_partner_cancel_of_a_sent_alert_gets_the_all_clear_texts(client, token):  # noqa: F811
    original, reference = _original(client, token)
    _send(original)
    response = _post(client, _follow_up(reference, "Cancel", infos=False), token)
    assert response.status_code == 201, response.content
    cancel = Alert.objects.get(identifier=response.json()["identifier"])
    assert cancel.msg_type == MsgType.CANCEL and cancel.state == AlertState.SUBMITTED
    assert cancel.references == original and cancel.response_type == "AllClear"
    french = cancel.infos.get(language="fr")
    assert "Fin de l'alerte" in french.headline
    assert list(cancel.communes.values_list("pk", flat=True)) == ["21015"]


def test_a_partner_cancel_withdraws_its_alert_still_awaiting_approval(client, token):  # noqa: F811
    original, reference = _original(client, token)
    response = _post(client, _follow_up(reference, "Cancel", infos=False), token)
    assert response.status_code == 201, response.content
    original.refresh_from_db()
    assert original.state == AlertState.DRAFT
    withdrawal = original.events.get(action=AlertAction.WITHDRAWN)
    assert "Cancel" in withdrawal.detail and "PARTNER-2" in withdrawal.detail
    assert Alert.objects.count() == 1


def test_a_partner_update_replaces_its_alert_still_awaiting_approval(client, token):  # noqa: F811
    original, reference = _original(client, token)
    response = _post(client, _follow_up(reference, "Update"), token)
    assert response.status_code == 201, response.content
    original.refresh_from_db()
    assert original.state == AlertState.DRAFT
    update = Alert.objects.get(identifier=response.json()["identifier"])
    # Nothing was sent yet: for the public the update is the first message.
    assert update.state == AlertState.SUBMITTED and update.references is None


def test_a_reference_to_another_sender_message_is_unknown(client, token):  # noqa: F811
    original, reference = _original(client, token)
    _send(original)
    forged = reference.replace(SENDER, "someone-else@example.invalid")
    response = _post(client, _follow_up(forged, "Cancel", infos=False), token)
    assert response.status_code == 400
    assert "unknown here" in response.json()["error"]


def test_the_same_partner_identifier_twice_is_refused(client, token):  # noqa: F811
    _original(client, token)
    document = re.sub(
        rb"<sent>[^<]*</sent>", b"<sent>2030-01-01T00:00:00+00:00</sent>", cap_document()
    )
    response = _post(client, document, token)
    assert response.status_code == 400
    assert "already sent a message with identifier PARTNER-1" in response.json()["error"]
    assert Alert.objects.count() == 1


def test_another_partner_account_cannot_withdraw_or_follow_up_a_partner_alert(client, token):  # noqa: F811
    """The partner identity names the account too: another import token that copies the
    first partner's sender and references (readable in any CAP it relays) finds nothing,
    and the first partner's alert awaiting approval stays as it was."""
    original, reference = _original(client, token)
    other = UserFactory(username="other-partner-system", groups=["Alert authors"])
    _token, other_raw = ImportToken.issue(name="Other partner", user=other)

    response = _post(client, _follow_up(reference, "Cancel", infos=False), other_raw)

    assert response.status_code == 400
    assert "unknown here" in response.json()["error"]
    original.refresh_from_db()
    assert original.state == AlertState.SUBMITTED
    assert not original.events.filter(action=AlertAction.WITHDRAWN).exists()
    _send(original)
    response = _post(client, _follow_up(reference, "Update", identifier="X-9"), other_raw)
    assert response.status_code == 400 and Alert.objects.count() == 1
