"""The configured sender for each channel, or the local outbox when it has no provider.

- sms: Twilio when TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set, else the outbox.
- email: Django's mail framework whenever EMAIL_BACKEND really hands mail over (SMTP, or the
  locmem backend in tests); with the outbox backend (the default without EMAIL_HOST) or a
  file-based one, the outbox channel is used instead, so unsent email sits in the same
  place, in the same format, as unsent SMS.
- push: web push with VAPID when VAPID_PRIVATE_KEY is set, else the outbox.
- voice: Twilio's Calls API when Twilio is configured and TWILIO_VOICE_FROM is set, else
  the outbox.
"""

from django.conf import settings
from django.urls import reverse

from alerts.subscriptions.models import ChannelName
from portal.site_urls import absolute_url

from .base import Channel
from .outbox import OutboxChannel

FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
OUTBOX_BACKEND = "alerts.channels.outbox.OutboxEmailBackend"


def sms_configured() -> bool:
    return bool(settings.TWILIO_ACCOUNT_SID and settings.TWILIO_AUTH_TOKEN)


def email_configured() -> bool:
    return settings.EMAIL_BACKEND not in {FILE_BACKEND, OUTBOX_BACKEND}


def voice_configured() -> bool:
    return sms_configured() and bool(settings.TWILIO_VOICE_FROM)


def push_configured() -> bool:
    return bool(settings.VAPID_PRIVATE_KEY)


def get_channel(name: str) -> Channel:
    if name == "sms" and sms_configured():
        from .sms import TwilioSMSChannel

        return TwilioSMSChannel()
    if name == "email" and email_configured():
        from .email import EmailChannel

        return EmailChannel()
    if name == "push" and push_configured():
        from .push import PushChannel

        return PushChannel(
            vapid_private_key=settings.VAPID_PRIVATE_KEY, vapid_subject=settings.VAPID_SUBJECT
        )
    if name == "voice" and voice_configured():
        from .voice import TwilioVoiceChannel

        return TwilioVoiceChannel(
            status_callback=absolute_url(reverse("delivery:twilio_voice_status"))
        )
    if name in ChannelName.values:
        return OutboxChannel(name)
    raise ValueError(f"unknown channel {name!r}")
