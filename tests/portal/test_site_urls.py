import pytest

from portal.site_urls import absolute_url, page_absolute_url


def test_paths_take_the_public_address_whatever_its_trailing_slash(settings):
    settings.SITE_BASE_URL = "https://alerte.example.invalid:8443/"
    assert absolute_url("/fr/alertes/") == "https://alerte.example.invalid:8443/fr/alertes/"
    assert absolute_url("nl/") == "https://alerte.example.invalid:8443/nl/"


def test_full_urls_are_left_as_they_are(settings):
    settings.SITE_BASE_URL = "https://alerte.example.invalid"
    assert absolute_url("https://other.example.invalid/x") == "https://other.example.invalid/x"


@pytest.mark.django_db
def test_a_page_gets_the_public_host_not_the_site_records(settings):
    from wagtail.models import Page, Site

    settings.SITE_BASE_URL = "https://alerte.example.invalid"
    site = Site.objects.get(is_default_site=True)
    assert site.hostname in {"localhost", "testserver", "127.0.0.1"}
    page = Page.objects.get(pk=site.root_page_id)
    url = page_absolute_url(page)
    assert url.startswith("https://alerte.example.invalid/")
    assert "localhost" not in url
