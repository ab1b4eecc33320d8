"""Provider status callbacks: Twilio tells us what became of each SMS."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from alerts.channels.twilio_signature import twilio_request_is_signed
from alerts.channels.twilio_status import status_report

from .services import delivery_status_update

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def twilio_status(request):
    """MessageStatus callbacks. Signed requests only (403 otherwise, nothing changes);
    idempotent; a row never moves backwards."""
    if not twilio_request_is_signed(request):
        return HttpResponseForbidden("invalid signature")
    sid = request.POST.get("MessageSid", "")
    status = request.POST.get("MessageStatus", "")
    if not sid or not status:
        return HttpResponseBadRequest("MessageSid and MessageStatus are required")
    delivery_status_update(
        provider_id=sid, report=status_report(status, request.POST.get("ErrorCode", ""))
    )
    return HttpResponse(status=204)
