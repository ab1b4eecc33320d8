"""Absolute links to this site, for everything read outside a browser tab.

Emails, SMS, CAP `<web>`, iCal `URL:` lines and push payloads are read where no request
tells us the host: they take the public address from `SITE_BASE_URL`, never from the
request that happened to build them (a worker has none; a proxied one has the wrong host).
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (absolute path, or a full URL already) on the public address of the site."""
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = "/" + path
    return settings.SITE_BASE_URL.rstrip("/") + path


def page_absolute_url(page) -> str:
    """A Wagtail page's public address, whatever Site record the database holds.

    Wagtail builds full URLs from the Site's hostname and port (`localhost`, port 80 in a
    fresh database); the relative URL is right, the host comes from `SITE_BASE_URL`.
    """
    parts = page.specific_deferred.get_url_parts()
    if parts is None:
        raise ValueError(f"page {page.pk} is not routable")
    return absolute_url(parts[2])
