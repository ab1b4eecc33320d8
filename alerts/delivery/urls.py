from django.urls import path

from . import webhooks

app_name = "delivery"

urlpatterns = [
    path("webhooks/twilio/status", webhooks.twilio_status, name="twilio_status"),
    path("webhooks/twilio/voice-status", webhooks.twilio_voice_status, name="twilio_voice_status"),
    path(
        "webhooks/twilio/voice/<int:pk>/again",
        webhooks.twilio_voice_again,
        name="twilio_voice_again",
    ),
]
