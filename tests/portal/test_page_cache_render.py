"""Under a crisis spike a stale or missing page is rendered once however many visitors ask
for it at the same moment; the others get the previous copy meanwhile, and the last copy
stands in when the render fails (the database refusing connections)."""

import threading
import time

import pytest
from django.db import OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.test import Client, RequestFactory

from portal.page_cache import PageCacheMiddleware, page_cache_clear

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def shared_cache(request, settings):
    """The page cache in local memory (one process) and in Redis (every process)."""
    if request.param == "redis":
        settings.CACHES = {
            "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
        }
        settings.PAGE_CACHE_LOCAL_ENTRIES = 0
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


class SlowView:
    """A citizen page taking `seconds` to render, counting its renders; `failing` makes it
    answer 500 as a page does when the database refuses connections."""

    def __init__(self, seconds=0.5):
        self.seconds, self.renders, self.failing, self.with_cookie = seconds, 0, False, False
        self._lock = threading.Lock()

    def __call__(self, request):
        with self._lock:
            self.renders += 1
            number = self.renders
        time.sleep(self.seconds)
        if self.failing:
            return HttpResponseServerError("database unreachable")
        response = HttpResponse(f"render {number}")
        if self.with_cookie:
            response.set_cookie("csrftoken", "x")
        return response


def serve(view, url="/fr/"):
    return PageCacheMiddleware(view)(RequestFactory().get(url))


def serve_concurrently(view, count=8):
    answers, barrier = [None] * count, threading.Barrier(count)

    def visit(index):
        barrier.wait()
        answers[index] = serve(view)

    threads = [threading.Thread(target=visit, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_concurrent_misses_of_a_new_page_render_it_once(shared_cache):
    view = SlowView()
    answers = serve_concurrently(view)
    assert view.renders == 1
    assert {a.status_code for a in answers} == {200}
    assert {a.content for a in answers} == {b"render 1"}
    assert sorted(a["X-Page-Cache"] for a in answers) == ["hit"] * 7 + ["miss"]


def test_after_a_clear_one_request_renders_and_the_others_get_the_previous_copy(shared_cache):
    view = SlowView()
    serve(view)
    page_cache_clear()
    started = time.monotonic()
    answers = serve_concurrently(view)
    assert view.renders == 2
    stale = [a for a in answers if a["X-Page-Cache"] == "stale"]
    assert len(stale) == 7 and {a.content for a in stale} == {b"render 1"}
    assert all("max-age=0" in a["Cache-Control"] for a in stale)  # not kept downstream
    assert [a.content for a in answers if a["X-Page-Cache"] == "miss"] == [b"render 2"]
    assert time.monotonic() - started < 2 * view.seconds  # nobody waited for another render
    assert serve(view).content == b"render 2"


def test_a_copy_too_old_is_not_served_while_the_page_renders(shared_cache, settings):
    settings.PAGE_CACHE_SECONDS = 1
    settings.PAGE_CACHE_REVALIDATE_SECONDS = 0
    view = SlowView()
    serve(view)
    time.sleep(1.1)
    answers = serve_concurrently(view, count=4)
    assert "stale" not in {a["X-Page-Cache"] for a in answers}
    assert view.renders == 2  # the others waited for the render
    assert {a.content for a in answers} == {b"render 2"}


def test_pages_that_cannot_be_cached_are_rendered_at_once_without_waiting(shared_cache):
    view = SlowView()
    view.with_cookie = True  # a form: its CSRF cookie keeps it out of the cache
    serve(view)
    started = time.monotonic()
    answers = serve_concurrently(view, count=4)
    assert time.monotonic() - started < 1.5 * view.seconds
    assert view.renders == 5 and "X-Page-Cache" not in answers[0]


def test_a_page_published_where_there_was_none_is_cached_at_once(shared_cache):
    view = SlowView(seconds=0)
    view.with_cookie = True  # not publishable yet: an answer the cache cannot keep
    serve(view)
    view.with_cookie = False
    page_cache_clear()  # published: every page is stale
    assert serve(view)["X-Page-Cache"] == "miss"
    assert serve(view)["X-Page-Cache"] == "hit"
    assert view.renders == 2


def test_a_failing_render_gives_way_to_the_last_copy(shared_cache):
    view = SlowView(seconds=0)
    serve(view)
    page_cache_clear()
    view.failing = True
    response = serve(view)
    assert response.status_code == 200 and response["X-Page-Cache"] == "stale-error"
    assert response.content == b"render 1"
    view.failing = False
    assert serve(view)["X-Page-Cache"] == "miss"


def test_without_a_copy_or_past_the_stale_limit_a_failure_shows(shared_cache, settings):
    view = SlowView(seconds=0)
    view.failing = True
    assert serve(view).status_code == 500
    settings.PAGE_CACHE_STALE_SECONDS = 1
    view.failing = False
    serve(view)
    page_cache_clear()
    time.sleep(1.1)
    view.failing = True
    assert serve(view).status_code == 500


def test_cached_answers_tell_proxies_to_do_the_same(shared_cache, settings):
    settings.PAGE_CACHE_STALE_SECONDS = 3600
    settings.PAGE_CACHE_REVALIDATE_SECONDS = 20
    control = serve(SlowView(seconds=0))["Cache-Control"]
    assert "stale-while-revalidate=20" in control and "stale-if-error=3600" in control
    assert "public" in control and "max-age=60" in control


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_stay_up_when_postgresql_refuses_connections(demo_site, settings):
    from django.db import connection

    client = Client(raise_request_exception=False)
    page = client.get("/fr/")
    assert page["X-Page-Cache"] == "miss"
    page_cache_clear()
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there: connection refused
    try:
        with pytest.raises(OperationalError):
            connection.ensure_connection()
        response = client.get("/fr/")
        assert response.status_code == 200 and response["X-Page-Cache"] == "stale-error"
        assert response.content == page.content
        assert client.get("/nl/").status_code == 500  # never cached: nothing to stand in
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json()["status"] == "degraded"
        assert health.json()["pages"] == "stale"
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port
