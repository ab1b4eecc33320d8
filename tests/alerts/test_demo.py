import pytest
from django.core.management import call_command

from alerts.models import Alert, AlertTemplate
from tests.paths import path_in

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_publishes_an_exercise_and_a_past_alert(
    settings, tmp_path, client, capsys
):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo")
    first = capsys.readouterr().out
    counts = (Alert.objects.count(), AlertTemplate.objects.count())
    call_command("seed_demo")
    assert (Alert.objects.count(), AlertTemplate.objects.count()) == counts == (3, 8)
    line = next(line for line in first.splitlines() if "alert approver:" in line)
    password = line.rsplit("/", 1)[1].strip()
    assert client.login(username="alert-approver", password=password)
    client.logout()
    html = client.get(path_in("fr", "alerts:list")).content.decode()
    assert '<span lang="nl">OEFENING</span>' in html  # the exercise marker, word by word
    assert "Fin de l&#x27;alerte : Tempête — Région de Bruxelles-Capitale" in html
    assert 'class="alert-banner"' in client.get("/nl/", follow=True).content.decode()
