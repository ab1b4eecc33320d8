"""Security headers on citizen pages, the subscribe page and the admin."""

import re

import pytest
from django.contrib.auth.models import Permission

from alerts.factories import SentAlertFactory
from tests.paths import path_in

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


def test_a_citizen_page_has_a_strict_policy_and_no_geolocation(client, demo_site):
    response = client.get("/fr/", follow=True)
    assert response.status_code == 200
    policy = _directives(response)
    assert policy["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["object-src"] == "object-src 'none'"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_the_subscribe_page_may_ask_for_the_location_and_nothing_else(client, demo_site):
    response = client.get(path_in("fr", "subscriptions:subscribe"))
    assert response.status_code == 200
    assert "geolocation=(self)" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_map_tiles_are_allowed_from_the_configured_tile_server_only(client, demo_site, settings):
    settings.ALERTS_MAP_TILE_URL = "https://{s}.tile.example.invalid/{z}/{x}/{y}.png"
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    response = client.get(path_in("fr", "alerts:detail", alert.identifier))
    assert _directives(response)["img-src"] == "img-src 'self' data: https://*.tile.example.invalid"


def test_the_admin_gets_its_own_policy_and_still_works(client, django_user_model):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert "'unsafe-inline'" in _directives(login)["script-src"]
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"wagtail" in response.content.lower()


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=|<style", re.IGNORECASE)


def test_citizen_pages_carry_no_inline_script_handler_or_style(client, demo_site, settings):
    settings.ALERTS_MAP_TILE_URL = "https://tiles.example.invalid/{z}/{x}/{y}.png"
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    for url in (
        "/fr/",
        "/nl/",
        path_in("fr", "alerts:list"),
        path_in("fr", "alerts:detail", alert.identifier),
        path_in("fr", "subscriptions:subscribe"),
        path_in("nl", "subscriptions:manage_access"),
    ):
        html = client.get(url, follow=True).content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_HANDLER.search(html), url
        assert not INLINE_STYLE.search(html), url
