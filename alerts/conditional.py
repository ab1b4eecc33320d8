"""Validators for conditional GET on the machine documents (Atom feed, CAP documents,
JSON API), so that pollers asking every minute get 304 Not Modified until something
changes, and HEAD is answered like GET.

The validators are read from the database before the view renders anything
(`django.views.decorators.http.condition`), which is the point: a 304 costs one aggregate
query, not the rendering. A list changes when any alert is saved (a new message, a
cancel, an approval) or when an alert in force expires, so its Last-Modified is the later
of the two; an ETag derived from that instant lets clients that send If-None-Match (most
feed readers) revalidate alike.
"""

from django.db.models import Max, Q
from django.utils import timezone
from django.views.decorators.http import condition

from alerts import selectors
from alerts.models import Alert


def alerts_last_modified(request, *args, **kwargs):
    now = timezone.now()
    latest = Alert.objects.aggregate(
        saved=Max("updated_at"), expired=Max("expires", filter=Q(expires__lte=now))
    )
    moments = [moment for moment in latest.values() if moment is not None]
    return max(moments) if moments else None


def alert_last_modified(request, identifier, *args, **kwargs):
    alert = selectors.published_alert(identifier) if "\x00" not in identifier else None
    return alert.updated_at if alert is not None else None


def alert_detail_last_modified(request, identifier, *args, **kwargs):
    """The JSON detail also shows the incident's timeline and whether the alert is still
    in force: a later message of the incident, or the expiry, changes it."""
    alert = selectors.published_alert(identifier) if "\x00" not in identifier else None
    if alert is None:
        return None
    root = alert.thread_root_id or alert.pk
    moments = [
        Alert.objects.filter(Q(pk=root) | Q(thread_root_id=root)).aggregate(
            saved=Max("updated_at")
        )["saved"]
        or alert.updated_at
    ]
    if alert.expires is not None and alert.expires <= timezone.now():
        moments.append(alert.expires)
    return max(moments)


def _etag(last_modified):
    def etag(request, *args, **kwargs):
        moment = last_modified(request, *args, **kwargs)
        # Per path: the same instant names a different document at each URL. Weak: a signed
        # CAP document's ECDSA signature differs from one rendering to the next while what
        # it says does not (RFC 9110 §8.8.1).
        return f'W/"{request.path}@{moment.timestamp():.6f}"' if moment else None

    return etag


# Decorators for the views: every alert list, one alert's CAP document, its JSON detail.
alerts_condition = condition(
    etag_func=_etag(alerts_last_modified), last_modified_func=alerts_last_modified
)
alert_condition = condition(
    etag_func=_etag(alert_last_modified), last_modified_func=alert_last_modified
)
alert_detail_condition = condition(
    etag_func=_etag(alert_detail_last_modified), last_modified_func=alert_detail_last_modified
)
