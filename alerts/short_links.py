"""The short link an alert's SMS ends with: /a/<id>/<language>, one language-neutral route
that answers with a redirect to the alert's page in that language (its path segments are
translated, and an SMS has no room for them). Without a language, the browser's is used."""

from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from alerts.models import Alert


def published_identifier(pk: int) -> str | None:
    """The identifier of a published alert (what citizens may see), or None."""
    return Alert.objects.published().filter(pk=pk).values_list("identifier", flat=True).first()


@require_safe
@cache_control(max_age=300, public=True)
def alert_short_link(request, pk: int, language: str = ""):
    identifier = published_identifier(pk)
    if identifier is None:
        raise Http404
    negotiated = not language
    language = language or translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("alerts:detail", kwargs={"identifier": identifier}))
    if negotiated:
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
