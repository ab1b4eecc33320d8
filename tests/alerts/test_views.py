from datetime import timedelta

import pytest
from django.utils import timezone

from alerts import services
from alerts.cap import validate_cap
from alerts.cap_vocab import Status
from alerts.factories import SentAlertFactory
from alerts.models import Alert, AlertState
from alerts.outgoing import alert_fingerprint
from tests.paths import path_in

pytestmark = pytest.mark.django_db


def _send_cancel(original, approver):
    cancel = services.alert_cancel_fast_track(original=original, user=approver, reason="over")
    Alert.objects.filter(pk=cancel.pk).update(state=AlertState.SENT, sent=timezone.now())
    return cancel


@pytest.mark.parametrize(
    ("language", "headline", "commune"),
    [
        ("fr", "Rejet chimique : mettez-vous à l&#x27;abri", "Ixelles"),
        ("nl", "Chemische lozing: ga naar binnen", "Elsene"),
        ("en", "Chemical release: go indoors", "Ixelles / Elsene"),
    ],
)
def test_alert_page_in_each_language(client, demo_site, language, headline, commune):
    alert = SentAlertFactory(area=["21009"])
    response = client.get(path_in(language, "alerts:detail", alert.identifier))
    assert response.status_code == 200
    html = response.content.decode()
    assert headline in html
    assert commune in html
    assert "/alerts/" in html and ".xml" in html


def test_list_shows_active_alerts_before_past_ones(client, demo_site, approver):
    past = SentAlertFactory(event="Past one")
    cancel = _send_cancel(past, approver)
    active = SentAlertFactory()
    html = client.get(path_in("fr", "alerts:list")).content.decode()
    assert html.index(active.identifier) < html.index(cancel.identifier)
    assert "Alertes en vigueur" in html


def test_unpublished_alerts_are_not_public(client, demo_site):
    draft = SentAlertFactory(state=AlertState.SUBMITTED)
    restricted = SentAlertFactory(scope="Restricted")
    for alert in (draft, restricted):
        assert client.get(path_in("fr", "alerts:detail", alert.identifier)).status_code == 404
        assert client.get(f"/alerts/{alert.identifier}.xml", follow=True).status_code == 404


def test_banner_on_every_page_while_active_and_gone_after_all_clear(client, demo_site, approver):
    alert = SentAlertFactory(severity="Extreme")
    for url, severity in (
        ("/fr/", "Extrême"),
        ("/nl/", "Extreem"),
        (path_in("fr", "alerts:list"), "Extrême"),
    ):
        html = client.get(url, follow=True).content.decode()
        assert 'class="alert-banner"' in html
        assert 'role="alert"' in html
        assert severity in html
    assert "Chemische lozing" in client.get("/nl/", follow=True).content.decode()
    _send_cancel(alert, approver)
    html = client.get("/fr/", follow=True).content.decode()
    assert 'class="alert-banner"' not in html


def test_banner_disappears_once_expired(client, demo_site):
    alert = SentAlertFactory()
    assert 'class="alert-banner"' in client.get("/fr/", follow=True).content.decode()
    Alert.objects.filter(pk=alert.pk).update(expires=timezone.now() - timedelta(minutes=1))
    assert 'class="alert-banner"' not in client.get("/fr/", follow=True).content.decode()


def test_exercise_is_marked_on_page_and_banner(client, demo_site):
    alert = SentAlertFactory(status=Status.EXERCISE)
    marked = (  # each word in its own language
        '<span lang="fr">EXERCICE</span> / <span lang="nl">OEFENING</span> / '
        '<span lang="en">EXERCISE</span>'
    )
    home = client.get("/nl/", follow=True).content.decode()
    assert marked in home
    page = client.get(path_in("nl", "alerts:detail", alert.identifier)).content.decode()
    assert marked in page


def test_update_and_all_clear_show_on_the_timeline(client, demo_site, author, approver):
    original = SentAlertFactory()
    update = services.alert_prepare_update(original=original, user=author)
    update.infos.filter(language="fr").update(headline="Le nuage se déplace vers Uccle")
    Alert.objects.filter(pk=update.pk).update(state=AlertState.SENT, sent=timezone.now())
    _send_cancel(original, approver)
    html = client.get(path_in("fr", "alerts:detail", original.identifier)).content.decode()
    assert "Le nuage se déplace vers Uccle" in html
    assert "Fin de l&#x27;alerte" in html
    assert "Mise à jour" in html or "Update" in html
    assert "newer one" in html or "plus récent" in html


def test_cap_xml_is_served_and_valid(client, demo_site):
    alert = SentAlertFactory()
    response = client.get(f"/alerts/{alert.identifier}.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/cap+xml")
    assert validate_cap(response.content) == []


def test_an_all_clear_sent_in_the_same_second_still_ends_the_alert(client, demo_site, approver):
    alert = SentAlertFactory()
    cancel = services.alert_cancel_fast_track(original=alert, user=approver, reason="over")
    Alert.objects.filter(pk=cancel.pk).update(state=AlertState.SENT, sent=alert.sent)
    feed = client.get("/alerts/feed.atom").content
    # The alert's entry gives way to its Cancel's.
    assert f"/alerts/{alert.identifier}.xml".encode() not in feed
    assert feed.count(b"<entry>") == 1 and f"/alerts/{cancel.identifier}.xml".encode() in feed
    assert 'class="alert-banner"' not in client.get("/fr/", follow=True).content.decode()


def test_the_area_is_shown_on_a_map_of_the_communes_and_in_words_without_a_tile_server(
    client, demo_site, settings
):
    settings.ALERTS_MAP_TILE_URL = ""
    alert = SentAlertFactory(
        polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3", circles="50.85,4.35 2", area=["21009"]
    )
    html = client.get(path_in("fr", "alerts:detail", alert.identifier)).content.decode()
    assert "data-area-map" in html and "leaflet.js" in html and "area-map.js" in html
    assert 'data-tile-url=""' in html and 'data-communes-url="/alerts/communes.geojson"' in html
    assert 'data-targeted="21009 "' in html
    # The same area in words, for screen readers and without JavaScript.
    assert "<li>Ixelles</li>" in html and "50.8,4.3 50.9,4.3" in html and "50.85,4.35 2" in html
    assert client.get("/static/alerts/vendor/leaflet/leaflet.js").status_code == 200
    settings.ALERTS_MAP_TILE_URL = "https://tiles.example.invalid/{z}/{x}/{y}.png"
    html = client.get(path_in("fr", "alerts:detail", alert.identifier)).content.decode()
    assert 'data-tile-url="https://tiles.example.invalid/{z}/{x}/{y}.png"' in html


def test_a_commune_alert_has_its_map_too(client, demo_site):
    alert = SentAlertFactory(area=["21015", "21014"])
    html = client.get(path_in("nl", "alerts:detail", alert.identifier)).content.decode()
    assert "data-area-map" in html and "<li>Schaarbeek</li>" in html


def test_hostile_area_text_is_escaped_in_the_map_and_its_text(client, demo_site):
    hostile = '"><script>alert(1)</script>'
    alert = SentAlertFactory(polygons=hostile, circles=hostile)
    html = client.get(path_in("fr", "alerts:detail", alert.identifier)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_commune_outlines_are_served_as_geojson(client):
    response = client.get("/alerts/communes.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert "public" in response["Cache-Control"]
    features = response.json()["features"]
    assert len(features) == 19 and features[8]["properties"]["name_nl"] == "Elsene"


def test_an_approved_alert_is_on_the_site_before_any_worker_ran(
    client, demo_site, settings, django_capture_on_commit_callbacks
):
    from alerts.factories import AlertFactory, ApproverFactory

    settings.PAGE_CACHE_SECONDS = 60
    assert client.get("/fr/")["X-Page-Cache"] == "miss"  # the home page is cached ...
    alert = AlertFactory(status=Status.EXERCISE)
    services.alert_submit(alert=alert, user=alert.created_by)
    with django_capture_on_commit_callbacks(execute=False) as handed_over:
        services.alert_approve(
            alert=alert, user=ApproverFactory(), fingerprint=alert_fingerprint(alert)
        )
    alert.refresh_from_db()
    assert alert.state == AlertState.SENDING and alert.sent is not None
    for callback in handed_over:  # the cache clear runs; the dispatch task is only queued
        if "page_cache" in getattr(callback, "__module__", ""):
            callback()
    home = client.get("/fr/")
    assert home["X-Page-Cache"] == "miss"  # ... and stale once the approval committed
    assert "Rejet chimique" in home.content.decode()
    assert alert.identifier in client.get(path_in("fr", "alerts:list")).content.decode()
