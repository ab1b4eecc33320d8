"""Read-only JSON API for apps, and the token-authenticated CAP import endpoint."""

from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from alerts import selectors, services
from alerts.cap import absolute_url, cap_datetime, cap_url, headline_for, page_url
from alerts.cap_import import MAX_DOCUMENT_BYTES, CapImportError, parse_cap
from alerts.cap_signing import parse_signed_cap
from alerts.conditional import alert_detail_condition, alerts_condition
from alerts.exceptions import AlertPermissionDenied
from alerts.models import Alert, ImportToken


def alert_as_dict(alert: Alert) -> dict:
    def when(value):
        return cap_datetime(value) if value else None

    return {
        "identifier": alert.identifier,
        "sender": alert.sender,
        "sent": when(alert.sent),
        "status": alert.status,
        "exercise": alert.is_exercise,
        "marker": alert.marker,
        "msgType": alert.msg_type,
        "scope": alert.scope,
        "references": alert.references.identifier if alert.references_id else None,
        "incident": (alert.thread_root or alert).identifier,
        "category": alert.category,
        "event": alert.event,
        "responseType": alert.response_type,
        "urgency": alert.urgency,
        "severity": alert.severity,
        "certainty": alert.certainty,
        "effective": when(alert.effective),
        "onset": when(alert.onset),
        "expires": when(alert.expires),
        "area": {
            "wholeRegion": alert.whole_region,
            "communes": [
                {"nis": c.nis_code, "fr": c.name_fr, "nl": c.name_nl} for c in alert.communes.all()
            ],
            "polygons": [line for line in alert.polygons.splitlines() if line.strip()],
            "circles": [line for line in alert.circles.splitlines() if line.strip()],
        },
        "info": {
            info.language: {
                "headline": headline_for(alert, info.headline),
                "description": info.description,
                "instruction": info.instruction,
                "web": info.web_page.specific.full_url if info.web_page_id else None,
                "page": page_url(alert, info.language),
            }
            for info in alert.infos.all()
            if not info.is_republished_only  # German etc.: in the CAP document only
        },
        "cap": cap_url(alert),
    }


@require_safe
@alerts_condition
def alert_list(request):
    alerts = selectors.feed_alerts()
    return JsonResponse(
        {
            "generated": cap_datetime(timezone.now()),
            "feed": absolute_url(reverse("alerts_data:feed")),
            "alerts": [alert_as_dict(alert) for alert in alerts],
        }
    )


@require_safe
@alert_detail_condition
def alert_detail(request, identifier):
    if "\x00" in identifier:
        # No identifier holds a NUL character, and PostgreSQL refuses one in a query.
        raise Http404
    alert = selectors.published_alert(identifier)
    if alert is None:
        raise Http404
    data = alert_as_dict(alert)
    data["active"] = selectors.is_active(alert)
    data["timeline"] = [
        {"identifier": item.identifier, "msgType": item.msg_type, "sent": cap_datetime(item.sent)}
        for item in selectors.alert_timeline(alert)
    ]
    return JsonResponse(data)


def _bearer(request) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _space, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _refuse(status: int, reason: str):
    return JsonResponse({"error": reason}, status=status)


CAP_CONTENT_TYPES = ("application/cap+xml", "application/xml", "text/xml")


def _document(request) -> bytes | None:
    """The request body, or None when it is larger than a CAP document may be.

    Read here with the CAP limit rather than through `request.body`, whose own (larger)
    limit would answer Django's HTML error page instead of this interface's JSON.
    """
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_DOCUMENT_BYTES:
        return None
    data = request.read(MAX_DOCUMENT_BYTES + 1)
    return None if len(data) > MAX_DOCUMENT_BYTES else data


@csrf_exempt
@require_POST
def alert_import(request):
    """POST a CAP 1.2 document (Authorization: Bearer <token>); a valid one becomes a
    submitted alert awaiting approval (201), anything else is refused with the reason
    (in English, like the rest of this machine interface)."""
    with translation.override("en"):
        return _import(request)


def _import(request):
    token = ImportToken.authenticate(_bearer(request))
    if token is None:
        response = _refuse(401, "Missing or invalid token (Authorization: Bearer <token>).")
        response["WWW-Authenticate"] = 'Bearer realm="cap-import"'
        return response
    document = _document(request)
    if document is None:
        return _refuse(413, f"The document is larger than {MAX_DOCUMENT_BYTES} bytes.")
    # An empty body (which has no type) is refused by the parser, with its reason.
    if document and (request.content_type or "").lower() not in CAP_CONTENT_TYPES:
        return _refuse(
            415, "Content-Type must be application/cap+xml, application/xml or text/xml."
        )
    try:
        if token.signing_certificate:
            parsed = parse_signed_cap(document, certificate_pem=token.signing_certificate)
        else:
            parsed = parse_cap(document)
    except CapImportError as error:
        return _refuse(400, str(error))
    if not token.allows_sender(parsed.sender):
        return _refuse(
            403,
            f"This token sends as {', '.join(token.sender_list)} only; the document's "
            f"<sender> is {parsed.sender!r}.",
        )
    existing = Alert.objects.filter(external_reference=parsed.external_reference[:500]).first()
    if existing is not None:
        # A partner retrying after a lost answer gets the alert it already created.
        return JsonResponse(
            {
                "error": "This CAP message (sender, identifier, sent) was already imported.",
                "identifier": existing.identifier,
                "state": existing.state,
            },
            status=409,
        )
    try:
        alert = services.alert_import(user=token.user, parsed=parsed)
    except AlertPermissionDenied as error:
        return _refuse(403, str(error))
    except ValidationError as error:
        return _refuse(400, "; ".join(error.messages))
    ImportToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return JsonResponse(
        {"identifier": alert.identifier, "state": alert.state, "status": alert.status},
        status=201,
    )
