"""The alert banner as a small cached fragment that open pages poll, and invalidation
scoped to what changed: an alert makes stale the banner, the alert pages and feeds, not the
guides; a page published makes stale that page and the pages listing it, not the alerts."""

import pytest
from django.urls import reverse

from alerts import services
from alerts.factories import AlertFactory, ApproverFactory, AuthorFactory
from alerts.models import AlertState
from alerts.outgoing import alert_fingerprint
from portal.models import HomePage
from tests.paths import path_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_BANNER_SECONDS = 5


def banner_url(language="fr"):
    return reverse("alerts_data:banner", args=[language])


HEADLINE = "Rejet chimique"  # the factory's French headline begins so


def approve_an_alert(django_capture_on_commit_callbacks):
    author, approver = AuthorFactory(), ApproverFactory()
    alert = AlertFactory(created_by=author, state=AlertState.SUBMITTED, submitted_by=author)
    with django_capture_on_commit_callbacks(execute=True):
        services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    assert alert.state == AlertState.SENT
    return alert


def test_the_banner_fragment_is_cached_briefly_with_an_etag(client, demo_site):
    first = client.get(banner_url())
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert first.content.strip() == b""  # no alert in force: an empty banner
    assert "max-age=5" in first["Cache-Control"] and "public" in first["Cache-Control"]
    etag = first["ETag"]
    second = client.get(banner_url())
    assert second["X-Page-Cache"] == "hit" and second["ETag"] == etag
    assert client.get(banner_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(banner_url("de")).status_code != 200  # no such language


def test_an_alert_going_out_changes_the_banner_fragment_but_not_the_cached_guides(
    client, demo_site, django_capture_on_commit_callbacks
):
    guide = path_in("fr", "search")  # a page without alerts beyond the banner
    alerts_page = path_in("fr", "alerts:list")
    old_etag = client.get(banner_url())["ETag"]
    for url in (guide, alerts_page, path_in("fr", "wagtail_serve", "")):
        assert client.get(url)["X-Page-Cache"] == "miss"

    approve_an_alert(django_capture_on_commit_callbacks)

    fragment = client.get(banner_url(), HTTP_IF_NONE_MATCH=old_etag)
    assert fragment.status_code == 200 and fragment["X-Page-Cache"] == "miss"
    assert HEADLINE in fragment.content.decode()
    assert 'class="alert-banner"' in fragment.content.decode()
    assert client.get(alerts_page)["X-Page-Cache"] == "miss"
    home = client.get(path_in("fr", "wagtail_serve", ""))
    assert home["X-Page-Cache"] == "miss"  # where visitors go first: fresh without script
    assert HEADLINE in home.content.decode()
    assert client.get(guide)["X-Page-Cache"] == "hit"  # its banner is brought by live.js


def test_publishing_a_home_page_leaves_other_languages_and_the_banner_cached(
    client, demo_site, django_capture_on_commit_callbacks
):
    dutch_search = path_in("nl", "search")
    for url in (dutch_search, banner_url()):
        assert client.get(url)["X-Page-Cache"] == "miss"
    home = HomePage.objects.get(locale__language_code="fr")
    home.intro = "Nouvelle consigne: restez chez vous."
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "Nouvelle consigne" in client.get(path_in("fr", "wagtail_serve", "")).content.decode()
    # The main navigation of every French page may have changed: those are fresh again.
    assert client.get(path_in("fr", "alerts:list"))["X-Page-Cache"] == "miss"
    assert client.get(banner_url())["X-Page-Cache"] == "hit"
    assert client.get(dutch_search)["X-Page-Cache"] == "hit"


def test_publishing_a_guide_makes_stale_the_guide_and_its_parents_only(
    client, demo_site, django_capture_on_commit_callbacks
):
    from wagtail.models import Page

    from portal.page_cache_scopes import NAVIGATION_DEPTH

    guide = (
        Page.objects.live().filter(locale__language_code="fr", depth__gt=NAVIGATION_DEPTH).first()
    )
    if guide is None:
        home = HomePage.objects.get(locale__language_code="fr")
        section = home.add_child(instance=Page(title="Rubrique", slug="rubrique"))
        guide = section.add_child(instance=Page(title="Guide", slug="guide"))
    guide = guide.specific
    parent = guide.get_parent()
    alerts_page = path_in("fr", "alerts:list")
    for url in (guide.url, parent.url, alerts_page):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    guide.title = "Guide revu"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert client.get(guide.url)["X-Page-Cache"] == "miss"
    assert client.get(parent.url)["X-Page-Cache"] == "miss"
    assert client.get(alerts_page)["X-Page-Cache"] == "hit"


@pytest.mark.redis
def test_scoped_invalidation_holds_through_redis(
    client, demo_site, settings, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    from django.core.cache import cache

    cache.clear()
    try:
        guide = path_in("fr", "search")
        for url in (guide, banner_url()):
            assert client.get(url)["X-Page-Cache"] == "miss"
            assert client.get(url)["X-Page-Cache"] == "hit"
        approve_an_alert(django_capture_on_commit_callbacks)
        fragment = client.get(banner_url())
        assert fragment["X-Page-Cache"] == "miss"
        assert HEADLINE in fragment.content.decode()
        assert client.get(guide)["X-Page-Cache"] == "hit"
        # An evicted scope version starts past every version pages were stored with.
        cache.delete("pagecache:scope:path:" + guide)
        assert client.get(guide)["X-Page-Cache"] == "miss"
    finally:
        cache.clear()
