"""Public views: alert pages per language, CAP XML, the Atom feed, the commune outlines."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe

from alerts import geometry, selectors
from alerts.cap import CAP_CONTENT_TYPE, absolute_url, alert_to_cap
from alerts.cap_signing import sign_document
from alerts.conditional import alert_condition, alerts_condition
from alerts.feeds import ATOM_CONTENT_TYPE, active_alerts_feed


@require_GET
def alert_list(request):
    return render(
        request,
        "alerts/alert_list.html",
        {
            "active_alerts": selectors.active_alerts(),
            "past_incidents": selectors.past_incidents(limit=50),
        },
    )


@require_GET
def alert_detail(request, identifier):
    alert = selectors.published_alert(identifier)
    if alert is None:
        raise Http404
    timeline = list(selectors.alert_timeline(alert))
    return render(
        request,
        "alerts/alert_detail.html",
        {
            "alert": alert,
            "info": alert.info_for(),
            "timeline": timeline,
            "latest": timeline[-1] if timeline else alert,
            "is_active": selectors.is_active(alert),
        },
    )


@require_safe
@cache_control(max_age=60, public=True)
@alert_condition
def alert_cap(request, identifier):
    """The CAP 1.2 document; served as application/cap+xml (the registered type)."""
    alert = selectors.published_alert(identifier)
    if alert is None:
        raise Http404
    return HttpResponse(
        sign_document(alert_to_cap(alert)), content_type=f"{CAP_CONTENT_TYPE}; charset=utf-8"
    )


@require_safe
@cache_control(max_age=60, public=True)
@alerts_condition
def alert_feed(request):
    feed_url = absolute_url(reverse("alerts_data:feed"))
    return HttpResponse(
        active_alerts_feed(feed_url=feed_url), content_type=f"{ATOM_CONTENT_TYPE}; charset=utf-8"
    )


@require_GET
@cache_control(max_age=24 * 3600, public=True)
def communes_geojson(request):
    """The 19 commune outlines the maps draw as their base layer (GeoJSON, WGS 84)."""
    return HttpResponse(geometry.COMMUNES_GEOJSON.read_bytes(), content_type="application/geo+json")
