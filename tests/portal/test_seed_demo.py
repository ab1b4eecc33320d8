import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from portal.models import HomePage

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_prints_working_credentials(settings, tmp_path, capsys, client):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo")
    first = capsys.readouterr().out
    counts = (Page.objects.count(), HomePage.objects.count(), Site.objects.count())
    call_command("seed_demo")
    second = capsys.readouterr().out

    assert (Page.objects.count(), HomePage.objects.count(), Site.objects.count()) == counts
    assert HomePage.objects.count() == 3
    assert get_user_model().objects.filter(username="admin").count() == 1
    password = next(
        line.split(":", 1)[1].strip() for line in first.splitlines() if "password:" in line
    )
    assert f"password: {password}" in second
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


def test_seed_makes_the_french_home_the_site_root(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo")
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "fr"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
