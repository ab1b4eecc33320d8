"""Is this webhook request really from Twilio? (X-Twilio-Signature, for our public URL)."""

from django.conf import settings
from twilio.request_validator import RequestValidator


def twilio_request_is_signed(request) -> bool:
    signature = request.headers.get("X-Twilio-Signature", "")
    if not settings.TWILIO_AUTH_TOKEN or not signature:
        return False
    url = settings.SITE_BASE_URL.rstrip("/") + request.get_full_path()
    validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
    return validator.validate(url, request.POST.dict(), signature)
