"""A refusal of the alert composer is said in the admin user's language, with its reason,
even when the browser asks for another language."""

import html

import pytest
from django.contrib.messages import get_messages
from wagtail.users.models import UserProfile

from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("fr", "Seuls les auteurs et approbateurs d'alertes peuvent utiliser l'éditeur"),
        ("nl", "Alleen auteurs en goedkeurders"),
    ],
)
def test_a_user_without_alert_role_is_told_why_in_their_language(
    client, django_user_model, language, refusal
):
    boss = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    profile = UserProfile.get_for_user(boss)
    profile.preferred_language = language
    profile.save()
    login_with_second_factor(client, boss)

    response = client.get("/admin/alerts/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    said = [html.unescape(str(m)) for m in get_messages(response.wsgi_request)]
    assert any(refusal in message for message in said), said
    assert not any("Sorry, you do not have permission" in message for message in said)
