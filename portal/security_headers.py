"""Content-Security-Policy and Permissions-Policy on every response.

Citizen pages get a strict policy: scripts, styles and frames from this origin only, no
inline script or style (the templates carry none). The Wagtail admin, which needs inline
scripts and styles of its own, gets a relaxed policy under /admin/ (Wagtail 8's page
editor prints inline scripts: its date and time widgets, inline panels and workflow
buttons). The alert composer, approval and delivery pages, which show text written by
authors and partners, allow scripts from this origin only: no inline script, no eval
(their templates and widgets carry none; Wagtail's inline style attributes remain).
Geolocation is allowed on the subscribe and manage pages only (their "use my location" and
"alert me where I am" controls, which ask only after a click) and denied everywhere else.
"""

from urllib.parse import urlsplit

from django.conf import settings

GEOLOCATION_VIEWS = {("subscriptions", "subscribe"), ("subscriptions", "manage")}

PERMISSIONS = "camera=(), microphone=(), payment=(), usb=()"

_ADMIN_COMMON = (
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
    "font-src 'self' data:; connect-src 'self'; frame-src 'self' https:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
ADMIN_POLICY = (
    f"default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; {_ADMIN_COMMON}"
)
ALERT_ADMIN_POLICY = f"default-src 'self'; script-src 'self'; {_ADMIN_COMMON}"
ALERT_ADMIN_PREFIX = "/admin/alerts/"


def _tile_source() -> str:
    """The origin of the map tiles (a `{s}` subdomain becomes a wildcard)."""
    parts = urlsplit(settings.ALERTS_MAP_TILE_URL or "")
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def public_policy() -> str:
    images = " ".join(
        source
        for source in ["'self'", "data:", _tile_source(), *settings.CSP_EXTRA_IMG_SRC]
        if source
    )
    frames = " ".join(settings.CSP_FRAME_SRC) or "'none'"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; font-src 'self'; connect-src 'self'; worker-src 'self'; "
        f"manifest-src 'self'; frame-src {frames}; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def _allows_geolocation(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and (match.namespace, match.url_name) in GEOLOCATION_VIEWS


def permissions_policy(request) -> str:
    geolocation = "geolocation=(self)" if _allows_geolocation(request) else "geolocation=()"
    return f"{geolocation}, {PERMISSIONS}"


def _policy(path: str) -> str:
    if path.startswith(ALERT_ADMIN_PREFIX):
        return ALERT_ADMIN_POLICY
    if path.startswith("/admin/"):
        return ADMIN_POLICY
    return public_policy()


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = _policy(request.path)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", permissions_policy(request))
        return response
