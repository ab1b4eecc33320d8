"""Citizen forms on cached pages: the CSRF token reaches the form without making the page
private.

A page the page cache may share (portal.page_cache: an anonymous GET) renders
`{% csrf_token %}` as an empty field (portal.templatetags.public_forms), so the cached copy
holds no visitor's token and sets no cookie. portal/static/portal/js/live.js then asks
`token` (a language-neutral address answered with `Cache-Control: no-store`) for the
visitor's own token, which also sets their CSRF cookie, and fills every empty
`csrfmiddlewaretoken` field before the form can be sent. An answer rendered so that the
cache turns out not to keep (a private page under a Wagtail page's address, a redirect)
gets the visitor's own token put back before it leaves (`private_form_tokens`).

Without JavaScript the field stays empty: the POST fails Django's check, and `csrf_failure`
(CSRF_FAILURE_VIEW) answers with the same form instead of the 403 page, privately
(`no-store`), with the visitor's answers, a fresh token (and cookie) and a notice asking to
send it again; nothing is acted on. Only for views marked `public_form` (and Wagtail pages)
and only when the token or cookie is missing or wrong: a bad Origin or Referer (another
site posting) still gets the 403 page.

Why it is safe: the check is Django's double-submit check unchanged (the token in the form
must match the secret in the visitor's cookie, per visitor, masked afresh on each answer);
no token is ever in a copy served to someone else; another site can neither read the token
endpoint's answer (same-origin JSON, no CORS) nor make the browser send the cookie on a
cross-site POST (CSRF_COOKIE_SAMESITE "Lax"), and Django still checks the Origin header
(and the Referer over HTTPS) before the token. The form shown again after a failure acts on
nothing; its answer is readable only by the visitor's own browser.
"""

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.html import format_html
from django.views import csrf as django_csrf
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Set by portal.page_cache on a request whose answer the cache may share.
SHARED = "lux.page_cache.shared"
EMPTY_FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-token>'
FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
# Set on a request whose form is shown again after a failed token check.
RETRY = "lux.public_forms.retry"
# Django's reasons that only mean the visitor's token or cookie did not come along, or not
# as it was given ("CSRF cookie not set.", "CSRF token missing.", "CSRF token from POST
# incorrect.", "... has incorrect length."); the Origin and Referer reasons start otherwise.
TOKEN_REASONS = ("CSRF cookie ", "CSRF token ")
WAGTAIL_SERVE = "wagtail_serve"


def public_form(view):
    """Mark a citizen form view whose GET the page cache may share; every other answer
    (a POST, a GET to a signed-in visitor) stays private and uncached."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not (request.method == "GET" and request.META.get(SHARED)):
            add_never_cache_headers(response)
        return response

    wrapped.public_form = True
    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    wrapped.__module__ = view.__module__
    return wrapped


def _is_public_form(match) -> bool:
    return match is not None and (
        getattr(match.func, "public_form", False) or match.url_name == WAGTAIL_SERVE
    )


def renders_without_token(request) -> bool:
    """The form of this request's page goes into the shared cache: no token in it."""
    return bool(request.META.get(SHARED)) and _is_public_form(
        getattr(request, "resolver_match", None)
    )


def shown_again(request) -> bool:
    return bool(request.META.get(RETRY))


def private_form_tokens(request, response):
    """An answer rendered for the shared cache that the cache did not keep after all (a
    private page under a Wagtail page's address, a redirect, an error): its empty token
    fields get the visitor's own token, and the visitor their CSRF cookie, so that it
    works without JavaScript like any private page."""
    if not request.META.get(SHARED) or response.streaming:
        return response
    empty = EMPTY_FIELD.encode()
    if empty not in response.content:
        return response
    response.content = response.content.replace(
        empty, format_html(FIELD, get_token(request)).encode()
    )
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        request.META["CSRF_COOKIE"],
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    patch_vary_headers(response, ("Cookie",))
    add_never_cache_headers(response)
    return response


@never_cache
@require_GET
def token(request):
    """The visitor's own CSRF token (and cookie), for live.js to fill the forms with."""
    response = JsonResponse({"token": get_token(request)})
    patch_vary_headers(response, ("Cookie",))
    return response


def _token_reason(reason: str) -> bool:
    return reason.startswith(TOKEN_REASONS)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a citizen form posted without its token comes back, to be sent
    again; anything else gets Django's 403 page."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
    if request.method != "POST" or not _token_reason(reason) or not _is_public_form(match):
        return django_csrf.csrf_failure(request, reason=reason)
    request.POST  # noqa: B018 - read now: the view reads the answers of a "GET"
    request.method = "GET"  # shown, never acted on
    request.META[RETRY] = True
    response = match.func(request, *match.args, **match.kwargs)
    add_never_cache_headers(response)
    return response
