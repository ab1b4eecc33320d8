import os
import subprocess
import sys

from django.conf import settings

GOOD_KEY = "k" * 64


def _import_production(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _import_production(ALLOWED_HOSTS="alerte.brussels")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _import_production(SECRET_KEY="short", ALLOWED_HOSTS="alerte.brussels")
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _import_production(SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_its_secrets():
    result = _import_production(SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="alerte.brussels")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_database_url_selects_postgresql():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; import django; django.setup(); "
            "print(settings.DATABASES['default']['ENGINE'])",
        ],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": "postgres://someone@db.invalid:5432/lux",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_a_malformed_boolean_is_refused_with_its_name(monkeypatch):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from portal.settings.env import env_bool

    monkeypatch.setenv("EMAIL_USE_TLS", "maybe")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_USE_TLS must be true or false"):
        env_bool("EMAIL_USE_TLS")
