import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.page_cache import VERSION_KEY

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """Liveness and readiness for load balancers: 200 when the database answers, 503
    otherwise. Without the database the body says whether citizen pages still come from
    the page cache (status "degraded", pages "stale": their last copies, up to
    PAGE_CACHE_STALE_SECONDS old) or not (status "error")."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unreachable")
        pages = "stale" if _page_cache_answers() else "unavailable"
        return JsonResponse(
            {
                "status": "degraded" if pages == "stale" else "error",
                "database": "unreachable",
                "pages": pages,
            },
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def _page_cache_answers() -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0:
        return False
    try:
        caches[settings.PAGE_CACHE_ALIAS].get(VERSION_KEY)
    except Exception:  # noqa: BLE001 - whatever the cache backend raises: it does not answer
        logger.exception("health check: page cache unreachable")
        return False
    return True


@require_safe
def favicon(request):
    """Browsers ask /favicon.ico for documents that name no icon (a feed or a CAP file
    opened directly): the site's icon, not a 404 page rendered in a language."""
    response = HttpResponseRedirect(static("portal/icons/favicon-32.png"))
    patch_cache_control(response, public=True, max_age=86400)
    return response
