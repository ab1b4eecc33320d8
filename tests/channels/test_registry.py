import pytest

from alerts.channels.email import EmailChannel
from alerts.channels.outbox import OutboxChannel
from alerts.channels.registry import get_channel
from alerts.channels.sms import TwilioSMSChannel


def test_without_credentials_sms_goes_to_the_outbox(settings):
    settings.TWILIO_ACCOUNT_SID = ""
    settings.TWILIO_AUTH_TOKEN = ""
    channel = get_channel("sms")
    assert isinstance(channel, OutboxChannel) and channel.delivers is False


def test_with_credentials_sms_goes_to_twilio(twilio_settings):
    assert isinstance(get_channel("sms"), TwilioSMSChannel)


def test_email_follows_the_django_backend(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    assert isinstance(get_channel("email"), OutboxChannel)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert isinstance(get_channel("email"), EmailChannel)


def test_push_is_the_outbox_until_the_delivery_engine_provides_it():
    assert isinstance(get_channel("push"), OutboxChannel)


def test_unknown_channel():
    with pytest.raises(ValueError):
        get_channel("pigeon")
