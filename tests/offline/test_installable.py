"""The portal installs as an app (web app manifest) and keeps guidance for offline reading
(service worker routes, the alerts page says when it was generated)."""

import json
import re

import pytest
from PIL import Image

from tests.paths import path_in

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_manifest_describes_an_installable_app_in_each_language(client, language):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] and manifest["short_name"]
    assert len(manifest["short_name"]) <= 12  # fits under a home-screen icon
    assert manifest["lang"] == language
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#003c71"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes


def test_manifest_names_are_translated(client):
    names = {
        lang: json.loads(client.get(f"/{lang}/manifest.webmanifest").content)["name"]
        for lang in ("fr", "nl")
    }
    assert names["fr"] != names["nl"]


def test_manifest_icons_are_served_square_pngs_of_their_size(client, tmp_path):
    manifest = json.loads(client.get("/fr/manifest.webmanifest").content)
    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200
        path = tmp_path / "icon.png"
        path.write_bytes(_body(response))
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_every_page_links_the_manifest_of_its_language_and_the_offline_script(client, demo_site):
    html = client.get("/nl/").content.decode()
    link = re.search(r'<link rel="manifest" href="([^"]+)">', html)
    assert link and link.group(1) == "/nl/manifest.webmanifest"
    assert client.get(link.group(1)).status_code == 200
    script = re.search(r'<script src="([^"]*offline\.js)" defer></script>', html)
    assert script and client.get(script.group(1)).status_code == 200


def test_service_worker_serves_the_kept_pages_offline_and_still_handles_push(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/"
    body = _body(response).decode()
    assert 'addEventListener("fetch"' in body
    for cache in ("lux-offline-guidance-v1", "lux-offline-alerts-v1", "lux-offline-static-v1"):
        assert cache in body
    assert "staleWhileRevalidate" in body and "networkFirst" in body
    for handler in ("push", "notificationclick", "pushsubscriptionchange"):
        assert f'addEventListener("{handler}"' in body


def test_the_offline_script_keeps_exactly_the_guidance_and_alerts_pages(client):
    script = _body(client.get("/static/subscriptions/offline.js")).decode()
    worker = _body(client.get("/sw.js")).decode()
    for template in (
        "template-emergency-kit",
        "template-risk",
        "template-risk-index",
        "template-alerts",
    ):
        assert template in script
    # Both sides name the same caches, or the worker would never find the kept pages.
    for cache in re.findall(r'"(lux-offline-[a-z]+-v\d+)"', script):
        assert f'"{cache}"' in worker


def test_alerts_page_says_when_it_was_generated_and_has_a_hidden_offline_notice(client, demo_site):
    html = client.get(path_in("fr", "alerts:list")).content.decode()
    assert 'class="template-alerts"' in html
    updated = re.search(r'Page mise à jour le <time datetime="([^"]+)">([^<]+)</time>', html)
    assert updated, html
    assert updated.group(1)[:4].isdigit()
    assert re.search(r"<p [^>]*data-offline-notice hidden>.*Vous êtes hors ligne", html)


def test_alert_page_says_when_it_was_generated_and_has_a_hidden_offline_notice(client, demo_site):
    from alerts.factories import SentAlertFactory

    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    html = client.get(path_in("nl", "alerts:detail", alert.identifier)).content.decode()
    assert 'class="template-alert"' in html
    updated = re.search(r'Pagina bijgewerkt op <time datetime="([^"]+)">([^<]+)</time>', html)
    assert updated, html
    assert re.search(r"<p [^>]*data-offline-notice hidden>.*U bent offline", html)


def test_only_the_alerts_in_force_are_marked_for_offline_reading(client, demo_site):
    from datetime import timedelta

    from django.utils import timezone

    from alerts.factories import SentAlertFactory

    area = "50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3"
    in_force = SentAlertFactory(polygons=area)
    now = timezone.now()
    expired = SentAlertFactory(
        polygons=area, effective=now - timedelta(hours=8), expires=now - timedelta(hours=2)
    )
    html = client.get(path_in("fr", "alerts:list")).content.decode()
    kept = re.search(r"<section [^>]*data-offline-alerts>(.*?)</section>", html, re.S)
    assert kept
    assert path_in("fr", "alerts:detail", in_force.identifier) in kept.group(1)
    assert path_in("fr", "alerts:detail", expired.identifier) not in kept.group(1)
    assert (
        path_in("fr", "alerts:detail", expired.identifier) in html
    )  # listed among the past alerts
