"""Anonymous citizen pages come from the cache, and are fresh again as soon as a page is
published or an alert goes out."""

import pytest
from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse

from alerts import services
from alerts.factories import AlertFactory, ApproverFactory, AuthorFactory, SentAlertFactory
from alerts.models import AlertState
from alerts.outgoing import alert_fingerprint
from portal.models import HomePage
from portal.page_cache import PageCacheMiddleware
from tests.paths import path_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(
    client, demo_site, django_assert_num_queries
):
    first = client.get("/fr/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in first["Vary"].split(",")}
    with django_assert_num_queries(0):
        second = client.get("/fr/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second and "public" in second["Cache-Control"]


def test_publishing_a_page_makes_the_next_visit_fresh_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    assert "Nouvelle consigne" not in client.get("/fr/").content.decode()
    home = HomePage.objects.get(locale__language_code="fr")
    home.intro = "Nouvelle consigne: restez chez vous."
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    response = client.get("/fr/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nouvelle consigne" in response.content.decode()


def test_unpublishing_a_page_makes_the_next_visit_fresh_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    english = "public-warning and preparedness portal"
    assert english in client.get("/en/").content.decode()
    home = HomePage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        home.unpublish()
    assert english not in client.get("/en/", follow=True).content.decode()


def test_approving_an_alert_puts_its_banner_on_the_next_visit_at_once(
    client, demo_site, django_capture_on_commit_callbacks
):
    author, approver = AuthorFactory(username="writer"), ApproverFactory(username="approver")
    alert = AlertFactory(created_by=author, state=AlertState.SUBMITTED, submitted_by=author)
    assert 'class="alert-banner"' not in client.get("/fr/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    assert alert.state == AlertState.SENT
    response = client.get("/fr/")
    assert response["X-Page-Cache"] == "miss"
    assert 'class="alert-banner"' in response.content.decode()


def test_signed_in_users_are_never_served_or_stored_in_the_cache(client, demo_site):
    editor = AuthorFactory._meta.model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for _ in range(2):
        response = client.get("/fr/")
        assert "X-Page-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")
    client.logout()
    client.cookies.clear()
    assert client.get("/fr/")["X-Page-Cache"] == "miss"


def test_an_answer_that_hands_out_a_visitors_csrf_token_is_never_cached(rf):
    # Forms on pages the cache shares carry no token (tests/portal/test_page_cache_forms.py);
    # a view that hands one out all the same keeps its answer to its visitor.
    def view(request):
        return HttpResponse(get_token(request))

    middleware = PageCacheMiddleware(view)
    answers = [middleware(rf.get(reverse("alerts_data:feed"))) for _ in range(2)]
    assert answers[0].content != answers[1].content
    assert all("X-Page-Cache" not in answer for answer in answers)


def test_a_visitor_with_pending_messages_gets_a_fresh_page(client, demo_site):
    client.get("/fr/")
    client.cookies["messages"] = "something"
    assert "X-Page-Cache" not in client.get("/fr/")


@pytest.mark.parametrize("url", ["/fr/", "/nl/", "alerts", "alert"])
def test_citizen_pages_need_few_queries_uncached(
    client, demo_site, settings, django_assert_max_num_queries, url
):
    settings.PAGE_CACHE_SECONDS = 0
    alert = SentAlertFactory()
    if url == "alerts":
        url = path_in("fr", "alerts:list")
    if url == "alert":
        url = path_in("fr", "alerts:detail", alert.identifier)
    client.get(url)  # site root paths and settings warm up once per process
    # Budget: page, site, settings, translations, the alert banner (3) and the main
    # navigation (2: view restrictions, section pages); a home page also lists the risks
    # (3: their listing, its pages, their view restrictions) and lends its alerts in force
    # to the banner.
    with django_assert_max_num_queries(16 if url in ("/fr/", "/nl/") else 14):
        assert client.get(url).status_code == 200


@pytest.mark.redis
def test_pages_are_shared_through_redis_and_invalidated_there(
    client, demo_site, settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    from django.core.cache import cache

    cache.clear()
    assert client.get("/fr/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get("/fr/")["X-Page-Cache"] == "hit"
    home = HomePage.objects.get(locale__language_code="fr")
    home.intro = "Consigne partagée entre serveurs."
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "Consigne partagée" in client.get("/fr/").content.decode()
    cache.clear()
