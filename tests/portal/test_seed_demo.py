import base64

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import totp
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
    # The administrator needs a second factor: the seed printed its secret, stable across runs.
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/2fa/verify/" in response["Location"]
    secret = _printed_secret(first, "admin")
    assert _printed_secret(second, "admin") == secret
    response = client.post("/admin/2fa/verify/", {"code": _code(secret), "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def _printed_secret(output: str, username: str) -> str:
    prefix = f"  {username}: secret "
    return next(line[len(prefix) :] for line in output.splitlines() if line.startswith(prefix))


def _code(secret: str) -> str:
    key = base64.b32decode(secret)
    return f"{totp(key):06d}"


def test_demo_totp_code_prints_the_current_code_only_in_debug(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo")
    secret = _printed_secret(capsys.readouterr().out, "alert-approver")
    settings.DEBUG = True
    call_command("demo_totp_code", "alert-approver")
    assert capsys.readouterr().out.strip() == _code(secret)
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_totp_code", "alert-approver")


def test_seed_makes_the_french_home_the_site_root(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo")
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "fr"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
