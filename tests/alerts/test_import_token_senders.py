"""An import token bound to its partner's CAP senders: a document naming another sender
(another partner's name, an official service's) is refused before anything is created."""

import pytest
from django.core.management import call_command

from alerts.factories import UserFactory
from alerts.models import Alert
from tests.alerts.test_cap_import import _post, cap_document

pytestmark = pytest.mark.django_db


def _token(capsys, *senders):
    UserFactory(username="meteo-system", groups=["Alert authors"])
    options = [f"--sender={sender}" for sender in senders]
    call_command("alerts_issue_token", "Weather service", "--user=meteo-system", *options)
    return capsys.readouterr().out.strip()


def test_a_document_from_the_bound_sender_is_imported(client, capsys):
    token = _token(capsys, "partner@example.invalid", "other@example.invalid")

    assert _post(client, cap_document(), token).status_code == 201


def test_a_document_naming_another_sender_is_refused_with_the_reason(client, capsys):
    token = _token(capsys, "meteo@example.invalid")

    response = _post(client, cap_document(), token)

    assert response.status_code == 403
    assert response.json()["error"] == (
        "This token sends as meteo@example.invalid only; the document's <sender> is "
        "'partner@example.invalid'."
    )
    assert not Alert.objects.exists()


def test_a_token_without_senders_still_takes_any_sender(client, capsys):
    token = _token(capsys)

    assert _post(client, cap_document(), token).status_code == 201
