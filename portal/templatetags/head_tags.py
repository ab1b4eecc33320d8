"""What a public page says about itself in <head>: its language versions (hreflang
alternates and x-default), its canonical address and its description."""

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal import language_versions
from portal.site_urls import absolute_url

register = template.Library()

DESCRIPTION_LENGTH = 160
# The language search engines send a visitor to when none of the versions fits.
X_DEFAULT_LANGUAGE = "fr"

# Pages of our own views that have no text of their own to describe them.
VIEW_DESCRIPTIONS = {
    "alerts:list": _(
        "The official alerts in force in the Brussels-Capital Region, and the past ones."
    ),
    "subscriptions:subscribe": _(
        "Receive the official alerts for the places you choose by email, SMS or web push."
    ),
    "search": _("Search the preparedness guides, risks and campaigns of LUX response."),
}
SITE_DESCRIPTION = _(
    "Official alerts and preparedness advice for the people of the Brussels-Capital Region."
)


def _summary(*texts) -> str:
    text = " ".join(" ".join(strip_tags(str(t)).split()) for t in texts if t)
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def _description(context) -> str:
    page = context.get("page")
    if language_versions.is_routed_page(page):
        found = _summary(page.search_description) or _summary(getattr(page, "intro", ""))
        if found:
            return found
    alert, info = context.get("alert"), context.get("info")
    if alert is not None and info is not None:
        found = _summary(alert.marker, info.headline, info.description)
        if found:
            return found
    match = getattr(context.get("request"), "resolver_match", None)
    if match is not None and match.view_name in VIEW_DESCRIPTIONS:
        return str(VIEW_DESCRIPTIONS[match.view_name])
    return str(SITE_DESCRIPTION)


def _versions(context) -> dict[str, str]:
    """Path of every language version of the page shown, by language code."""
    request, page = context.get("request"), context.get("page")
    if "exception" in context or request is None:  # an error page is nobody's version
        return {}
    if language_versions.is_routed_page(page):
        return {
            code: version.get_url(request)
            for code, version in language_versions.page_versions(page).items()
        }
    versions = language_versions.view_versions(request)
    alert = context.get("alert")
    if alert is not None and versions:
        # An alert's page exists in the languages it was written in (others show French).
        written = alert.infos_by_language()
        versions = {code: path for code, path in versions.items() if code in written}
    return versions


@register.inclusion_tag("components/head_links.html", takes_context=True)
def head_links(context):
    """<link rel="alternate" hreflang> for each language version (and x-default, the
    French one), <link rel="canonical"> and <meta name="description">."""
    versions = _versions(context)
    alternates = [
        {"code": code, "url": absolute_url(versions[code])}
        for code, _name in settings.LANGUAGES
        if versions.get(code)
    ]
    request = context.get("request")
    canonical = absolute_url(request.path) if versions and request is not None else ""
    return {
        "alternates": alternates,
        "x_default": absolute_url(versions[X_DEFAULT_LANGUAGE])
        if versions.get(X_DEFAULT_LANGUAGE)
        else "",
        "canonical": canonical,
        "description": _description(context),
    }
