"""Citizen pages, under /<language>/ (included inside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/pending/", views.pending, name="pending"),
    path("subscribe/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("subscriptions/push/", views.push_subscription, name="push_subscription"),
    path("subscriptions/manage/", views.manage_access, name="manage_access"),
    path("subscriptions/manage/code/", views.manage_code, name="manage_code"),
    path("subscriptions/manage/<str:token>/", views.manage, name="manage"),
    path("subscriptions/manage/<str:token>/add/", views.manage_add_channel, name="manage_add"),
    path(
        "subscriptions/manage/<str:token>/stop/<int:pk>/",
        views.manage_stop_channel,
        name="manage_stop",
    ),
    path("subscriptions/manage/<str:token>/export/", views.manage_export, name="manage_export"),
    path("subscriptions/manage/<str:token>/erase/", views.manage_erase, name="manage_erase"),
    path("manifest.webmanifest", views.web_app_manifest, name="web_app_manifest"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
