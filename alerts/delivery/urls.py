from django.urls import path

from . import webhooks

app_name = "delivery"

urlpatterns = [
    path("webhooks/twilio/status", webhooks.twilio_status, name="twilio_status"),
]
