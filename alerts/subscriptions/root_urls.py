"""Language-neutral endpoints: provider webhooks and the service worker (scope /)."""

from django.urls import path

from . import views

app_name = "subscriptions_root"

urlpatterns = [
    path("webhooks/twilio/inbound", views.twilio_inbound, name="twilio_inbound"),
    path(
        "webhooks/push/subscription-change",
        views.push_subscription_change,
        name="push_subscription_change",
    ),
    path("sw.js", views.service_worker, name="service_worker"),
]
