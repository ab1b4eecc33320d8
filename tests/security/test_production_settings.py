"""Production settings pass Django's deployment checks and collect their static files."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def _production_env(tmp_path, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="alerte.brussels",
        LUX_VAR_DIR=str(tmp_path / "var"),
        STATIC_ROOT=str(tmp_path / "static"),
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    env.update(extra)
    return env


def _manage(tmp_path, *args, **extra):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=_production_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_production_passes_the_deployment_checks(tmp_path):
    result = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_deployment_checks_want_a_shared_cache_for_the_pages(tmp_path):
    result = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", CACHE_URL="")
    assert result.returncode != 0
    assert "portal.W001" in result.stderr + result.stdout


def test_production_sends_hsts_and_secure_cookies_only(tmp_path):
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True"], result.stderr


def test_collectstatic_builds_hashed_compressed_files(tmp_path):
    result = _manage(tmp_path, "collectstatic", "--noinput")
    assert result.returncode == 0, result.stderr[-2000:]
    css = list((tmp_path / "static" / "portal" / "css").glob("site.*.css.gz"))
    assert css, "the hashed, compressed stylesheet is missing"
    assert (tmp_path / "static" / "staticfiles.json").exists()
