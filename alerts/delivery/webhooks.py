"""Provider status callbacks: Twilio tells us what became of each SMS."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from alerts.channels.twilio_signature import twilio_request_is_signed
from alerts.channels.twilio_status import call_status_report, status_report
from alerts.channels.voice import twiml
from alerts.rendering import render_voice

from .models import Delivery
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


@csrf_exempt
@require_POST
def twilio_voice_status(request):
    """A voice call's final status (completed, busy, no-answer, failed, canceled). Signed
    requests only; a row never moves backwards; a busy line or no answer is called again
    (a bounded number of times)."""
    if not twilio_request_is_signed(request):
        return HttpResponseForbidden("invalid signature")
    sid = request.POST.get("CallSid", "")
    status = request.POST.get("CallStatus", "")
    if not sid or not status:
        return HttpResponseBadRequest("CallSid and CallStatus are required")
    delivery_status_update(provider_id=sid, report=call_status_report(status))
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
def twilio_voice_again(request, pk: int):
    """ "Press 1 to hear it again": the call's TwiML asks here (signed by Twilio) for the
    message once more, with the same offer after it."""
    if not twilio_request_is_signed(request):
        return HttpResponseForbidden("invalid signature")
    row = Delivery.objects.filter(pk=pk, channel="voice", alert__isnull=False).first()
    if row is None:
        return HttpResponse(status=404)
    again = request.build_absolute_uri()
    text = render_voice(row.alert, row.language)
    return HttpResponse(twiml(text, row.language, again), content_type="text/xml")
