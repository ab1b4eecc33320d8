"""Web push works out of the box: `manage.py run` (what `make run` starts) makes a VAPID key
pair in var/ on its first start, readable by its owner only, keeps it across restarts, and
the development settings (the workers', the next start's) pick it up when the environment
sets no keys."""

import json
import os
import stat
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation
from py_vapid import Vapid

from portal.management.commands.run import Command
from portal.vapid_keys import read_keys


def _start(settings, path) -> str:
    """What `run` does before serving, without serving."""
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    settings.VAPID_KEY_FILE = path
    out = StringIO()
    command = Command(stdout=out)
    command._vapid_keys()
    return out.getvalue()


@pytest.mark.django_db
def test_first_start_makes_a_private_working_key_pair_and_the_push_button_gets_it(
    settings, tmp_path, client
):
    path = tmp_path / "vapid.json"
    assert "new VAPID keys" in _start(settings, path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    keys = read_keys(path)
    assert keys["public"] == settings.VAPID_PUBLIC_KEY
    assert keys["private"] == settings.VAPID_PRIVATE_KEY
    # A pair pywebpush can sign with, whose public half is the one the browser is given.
    headers = Vapid.from_string(keys["private"]).sign(
        {"sub": "mailto:ops@example.invalid", "aud": "https://push.example.invalid"}
    )
    assert keys["public"] in headers["Authorization"]
    with translation.override("fr"):
        page = client.get(reverse("subscriptions:subscribe"))
    assert f'data-vapid-public-key="{keys["public"]}"' in page.content.decode()


def test_a_restart_keeps_the_keys(settings, tmp_path):
    path = tmp_path / "vapid.json"
    _start(settings, path)
    first = path.read_text()
    assert _start(settings, path) == ""  # nothing new to say
    assert path.read_text() == first
    assert json.loads(first)["private"] == settings.VAPID_PRIVATE_KEY


def test_keys_from_the_environment_win_and_nothing_is_written(settings, tmp_path):
    settings.VAPID_PRIVATE_KEY = "from-the-environment"
    settings.VAPID_KEY_FILE = tmp_path / "vapid.json"
    Command(stdout=StringIO())._vapid_keys()
    assert not (tmp_path / "vapid.json").exists()
    assert settings.VAPID_PRIVATE_KEY == "from-the-environment"


def test_settings_without_a_key_file_make_none(settings, tmp_path):
    settings.VAPID_PRIVATE_KEY = ""
    del settings.VAPID_KEY_FILE  # production and test settings name no file
    Command(stdout=StringIO())._vapid_keys()
    assert settings.VAPID_PRIVATE_KEY == ""


def _dev_settings(tmp_path, **env_extra) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    env.pop("VAPID_PRIVATE_KEY", None)
    env.pop("VAPID_PUBLIC_KEY", None)
    env.update(LUX_VAR_DIR=str(tmp_path), **env_extra)
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps([settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY]))"
    )
    result = subprocess.run(  # noqa: S603 - our own settings, fixed arguments
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_development_settings_read_the_kept_keys_unless_the_environment_has_some(
    settings, tmp_path
):
    assert _dev_settings(tmp_path) == ["", ""]
    _start(settings, tmp_path / "vapid.json")
    keys = read_keys(tmp_path / "vapid.json")
    assert _dev_settings(tmp_path) == [keys["public"], keys["private"]]
    assert _dev_settings(tmp_path, VAPID_PUBLIC_KEY="pub", VAPID_PRIVATE_KEY="priv") == [
        "pub",
        "priv",
    ]
