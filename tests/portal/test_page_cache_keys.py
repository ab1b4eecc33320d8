"""A link shared with tracking parameters is the page already cached: only the query
parameters the public views read make a page different, and that list cannot fall out of
step with the views."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.test import RequestFactory

from portal.page_cache import PageCacheMiddleware
from portal.page_cache_keys import KNOWN_QUERY_PARAMETERS, page_cache_key


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


class CountingView:
    """A citizen page that counts its renders and shows the query it was rendered with."""

    def __init__(self):
        self.renders = 0

    def __call__(self, request):
        self.renders += 1
        return HttpResponse(f"query: {request.get_full_path()} {dict(request.GET)}")


def serve(view, url):
    return PageCacheMiddleware(view)(RequestFactory().get(url))


def test_tracking_and_unknown_parameters_never_make_a_new_entry():
    view = CountingView()
    first = serve(view, "/fr/guides/")
    junk = ["utm_source=x", "fbclid=IwAR0", "gclid=abc", "utm_campaign=y&utm_medium=z"]
    junk += [f"made_up_{n}={n}" for n in range(50)]
    for query in junk:
        response = serve(view, f"/fr/guides/?{query}")
        assert response["X-Page-Cache"] == "hit", query
        assert response.content == first.content
    assert view.renders == 1


def test_the_parameters_the_views_read_still_tell_pages_apart():
    view = CountingView()
    assert serve(view, "/fr/search/?q=flood&utm_source=x")["X-Page-Cache"] == "miss"
    assert serve(view, "/fr/search/?q=fire")["X-Page-Cache"] == "miss"
    assert serve(view, "/fr/search/?q=flood")["X-Page-Cache"] == "hit"
    # order and repeated values do not matter: the first value counts, as request.GET.get
    assert serve(view, "/fr/search/?page=2&q=flood")["X-Page-Cache"] == "miss"
    assert serve(view, "/fr/search/?q=flood&page=2&q=other&page=3")["X-Page-Cache"] == "hit"
    assert view.renders == 3


def test_a_page_rendered_for_a_tracking_link_shows_none_of_its_parameters():
    view = CountingView()
    body = serve(view, "/fr/search/?utm_source=<x>&q=flood&fbclid=1").content.decode()
    assert "utm_source" not in body and "fbclid" not in body
    assert "q=flood" in body


def test_long_values_keep_the_key_bounded_and_distinct():
    view = CountingView()
    long_a, long_b = "a" * 5000 + "1", "a" * 5000 + "2"
    key_a = page_cache_key("testserver", "/fr/search/", f"q={long_a}")
    assert len(key_a) < 300
    assert key_a != page_cache_key("testserver", "/fr/search/", f"q={long_b}")
    serve(view, f"/fr/search/?q={long_a}")
    assert serve(view, f"/fr/search/?q={long_b}")["X-Page-Cache"] == "miss"
    assert serve(view, f"/fr/search/?q={long_a}")["X-Page-Cache"] == "hit"


def test_the_list_of_known_parameters_can_be_set(settings):
    settings.PAGE_CACHE_QUERY_PARAMETERS = ("q", "region")
    view = CountingView()
    serve(view, "/fr/search/?region=1")
    assert serve(view, "/fr/search/?region=2")["X-Page-Cache"] == "miss"


def test_a_cached_page_answers_a_link_with_tracking_parameters(client, demo_site):
    first = client.get("/fr/")
    response = client.get("/fr/?utm_source=newsletter&fbclid=IwAR0&gclid=x")
    assert response["X-Page-Cache"] == "hit"
    assert response.content == first.content


# Code served under /admin/ (never cached), tests and the page cache itself (which rewrites
# the query) are not public views.
NOT_PUBLIC = re.compile(
    r"(^|/)(tests?|migrations)/|admin|two_factor|wagtail_hooks|login_|page_cache"
)
READ = re.compile(r"""request\.GET(?:\.get(?:list)?\(\s*|\[\s*)(['"])([^'"]+)\1""")


def _public_sources():
    root = Path(django_settings.BASE_DIR)
    for app in ("alerts", "campaigns", "portal"):
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if not NOT_PUBLIC.search(relative):
                yield relative, path.read_text()


def test_every_query_parameter_a_public_view_reads_is_in_the_page_cache_key():
    read, unnamed = set(), []
    for relative, source in _public_sources():
        read |= {match.group(2) for match in READ.finditer(source)}
        # request.GET used any other way (a form bound to it, .items(), …) names no
        # parameter we could check: it must be made explicit.
        uses = len(re.findall(r"request\.GET\b", source))
        if uses != len(READ.findall(source)):
            unnamed.append(relative)
    assert read, "the scan found no public view reading a parameter: is it still working?"
    assert not unnamed, f"request.GET read without a literal parameter name in {unnamed}"
    missing = read - set(KNOWN_QUERY_PARAMETERS)
    assert not missing, f"add {sorted(missing)} to page_cache_keys.KNOWN_QUERY_PARAMETERS"
