"""Forms on cached pages: the subscribe and manage pages come from the page cache like the
rest, no visitor's token is in the copy others get, the token reaches the form through an
uncached endpoint (live.js), and without JavaScript a form sent without its token comes
back to be sent again instead of the 403 page."""

import json
import re

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from alerts.subscriptions.models import ContactPoint, Subscriber
from portal.page_cache import PageCacheMiddleware
from tests.paths import path_in
from tests.subscriptions.helpers import subscribe_data

pytestmark = pytest.mark.django_db

TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


def visitor() -> Client:
    return Client(enforce_csrf_checks=True)


def tokens_in(response) -> list[str]:
    return TOKEN_FIELD.findall(response.content.decode())


def fetch_token(client) -> str:
    response = client.get(reverse("public_form_token"))
    return json.loads(response.content)["token"]


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "subscriptions:subscribe"),
        ("nl", "subscriptions:subscribe"),
        ("fr", "subscriptions:manage_access"),
    ],
)
def test_form_pages_are_served_from_the_cache_with_no_visitors_token(demo_site, language, name):
    url = path_in(language, name)
    first_visitor, second_visitor = visitor(), visitor()
    own_token = fetch_token(first_visitor)  # the first visitor has a cookie and a token
    first = first_visitor.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "csrftoken" not in first.cookies
    second = second_visitor.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert tokens_in(second) == [""]  # the field is there, empty: live.js fills it
    assert own_token not in second.content.decode()
    assert "csrftoken" not in second.cookies


def test_the_token_endpoint_is_never_cached_and_gives_the_visitors_cookie(demo_site):
    client = visitor()
    response = client.get(reverse("public_form_token"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    token = json.loads(response.content)["token"]
    assert len(token) == 64
    assert client.cookies[django_settings.CSRF_COOKIE_NAME].value
    again = client.get(reverse("public_form_token"))
    assert "X-Page-Cache" not in again
    assert json.loads(again.content)["token"] != token  # masked afresh, same secret


def test_a_form_from_the_cached_page_sent_with_the_endpoints_token_is_accepted(demo_site):
    url = path_in("fr", "subscriptions:subscribe")
    visitor().get(url)  # someone else filled the cache
    client = visitor()
    assert client.get(url)["X-Page-Cache"] == "hit"
    data = subscribe_data(email="lea@example.invalid")
    response = client.post(url, {**data, "csrfmiddlewaretoken": fetch_token(client)})
    assert response.status_code == 302
    assert response["Location"] == path_in("fr", "subscriptions:pending")
    assert ContactPoint.objects.get().address == "lea@example.invalid"


def test_without_javascript_the_form_comes_back_with_the_answers_and_a_fresh_token(
    demo_site,
):
    url = path_in("en", "subscriptions:subscribe")
    client = visitor()
    assert tokens_in(client.get(url)) == [""]
    data = subscribe_data(email="sans-script@example.invalid", language="en")
    with translation.override("en"):
        response = client.post(url, {**data, "csrfmiddlewaretoken": ""})
    assert response.status_code == 200  # not the 403 page
    html = response.content.decode()
    assert "Your form was not sent" in html and "send the form again" in html
    assert 'value="sans-script@example.invalid"' in html
    [fresh] = tokens_in(response)
    assert len(fresh) == 64
    assert client.cookies[django_settings.CSRF_COOKIE_NAME].value
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not Subscriber.objects.exists()  # nothing was acted on

    again = client.post(url, {**data, "csrfmiddlewaretoken": fresh})
    assert again.status_code == 302
    assert ContactPoint.objects.get().address == "sans-script@example.invalid"


def test_a_wrong_token_also_gets_the_form_back_but_another_sites_post_gets_403(demo_site):
    url = path_in("fr", "subscriptions:manage_access")
    client = visitor()
    fetch_token(client)
    wrong = client.post(url, {"address": "a@example.invalid", "csrfmiddlewaretoken": "x" * 64})
    assert wrong.status_code == 200 and tokens_in(wrong)[0] not in ("", "x" * 64)
    assert 'value="a@example.invalid"' in wrong.content.decode()
    forged = client.post(
        url,
        {"address": "a@example.invalid", "csrfmiddlewaretoken": ""},
        HTTP_ORIGIN="https://attacker.example",
    )
    assert forged.status_code == 403


def test_admin_forms_keep_the_403_page(demo_site):
    response = visitor().post(reverse("wagtailadmin_login"), {"username": "x", "password": "y"})
    assert response.status_code == 403


def test_a_visitor_with_a_session_gets_a_private_page_with_a_real_token(demo_site):
    client = visitor()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "someone"
    response = client.get(path_in("fr", "subscriptions:subscribe"))
    assert "X-Page-Cache" not in response
    [token] = tokens_in(response)
    assert len(token) == 64
    assert "private" in response["Cache-Control"]


def test_the_geolocation_permission_of_the_subscribe_page_survives_the_cache(demo_site):
    url = path_in("fr", "subscriptions:subscribe")
    assert "geolocation=(self)" in visitor().get(url)["Permissions-Policy"]
    hit = visitor().get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert "geolocation=(self)" in hit["Permissions-Policy"]


def test_every_page_loads_the_script_with_the_token_and_banner_addresses(demo_site):
    html = visitor().get(path_in("nl", "subscriptions:subscribe")).content.decode()
    assert f'data-csrf-url="{reverse("public_form_token")}"' in html
    assert f'data-banner-url="{reverse("alerts_data:banner", args=["nl"])}"' in html


def test_training_pages_are_cached_and_their_form_comes_back_without_javascript(demo_site):
    from campaigns import demo as campaigns_demo
    from campaigns.models import TrainingPage

    campaigns_demo.seed(demo_site)
    url = TrainingPage.objects.live().filter(locale__language_code="fr").first().url
    visitor().get(url)
    cached = visitor().get(url)
    assert cached["X-Page-Cache"] == "hit" and tokens_in(cached) == [""]
    client = visitor()
    response = client.post(url, {"name": "Léa", "email": "lea@example.invalid"})
    assert response.status_code == 200  # not the 403 page
    [fresh] = tokens_in(response)
    assert len(fresh) == 64 and client.cookies[django_settings.CSRF_COOKIE_NAME].value
    assert "no-store" in response["Cache-Control"]


def test_a_private_answer_rendered_for_sharing_gets_the_visitors_own_token(rf):
    """A page under a Wagtail page's address that turns out private (a registration's own
    page, say) is not kept by the cache: its form gets a real token, as without the cache."""

    def view(request):
        request.resolver_match = resolve(path_in("fr", "wagtail_serve", "x/"))
        html = Template("<form>{% csrf_token %}</form>").render(RequestContext(request))
        response = HttpResponse(html)
        add_never_cache_headers(response)
        return response

    response = PageCacheMiddleware(view)(rf.get(path_in("fr", "wagtail_serve", "x/")))
    [token] = tokens_in(response)
    assert len(token) == 64
    assert response.cookies[django_settings.CSRF_COOKIE_NAME].value
    assert "X-Page-Cache" not in response
