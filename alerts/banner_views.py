"""The alert banner as a fragment of its own, for open pages to poll
(portal/static/portal/js/live.js, every 8 s: an alert reaches an open page within 10 s).

Language-neutral address, the language in the path, so that one cached copy per language
serves every page. Fresh for PAGE_CACHE_BANNER_SECONDS in the page cache and in browsers,
with an ETag so a poll whose copy is current gets 304. It belongs to the page cache's
`alerts` scope (portal.page_cache_scopes): an alert going out, updated or ended makes it
stale at once, without touching the guides that show it.
"""

import hashlib

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.views.decorators.http import require_safe

from alerts.templatetags.alert_tags import alert_banner

TEMPLATE = "alerts/components/alert_banner.html"


@require_safe
def banner(request, language):
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise Http404
    with translation.override(language):
        html = render_to_string(TEMPLATE, alert_banner({"request": request}), request=request)
    etag = quote_etag(hashlib.sha256(html.encode()).hexdigest()[:32])
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        html, content_type="text/html; charset=utf-8"
    )
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BANNER_SECONDS)
    return response
