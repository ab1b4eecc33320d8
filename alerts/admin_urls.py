from django.urls import include, path

from alerts import admin_fast_track_views as fast_track_views
from alerts import admin_views
from alerts.delivery import admin_views as delivery_views

app_name = "alerts_admin"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("new/", admin_views.start, name="start"),
    path("events/", admin_views.events, name="events"),
    path("fast-track/", fast_track_views.index, name="fast_track"),
    path("fast-track/<str:kind>/propose/", fast_track_views.propose, name="fast_track_propose"),
    path("fast-track/texts/<int:pk>/", fast_track_views.detail, name="fast_track_detail"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/edit/", admin_views.edit, name="edit"),
    path("<int:pk>/submit/", admin_views.submit, name="submit"),
    path("<int:pk>/approve/", admin_views.approve, name="approve"),
    path("<int:pk>/reject/", admin_views.reject, name="reject"),
    path("<int:pk>/withdraw/", admin_views.withdraw, name="withdraw"),
    path("<int:pk>/versions/<int:version_pk>/", admin_views.version, name="version"),
    path("<int:pk>/update/", admin_views.prepare_update, name="update"),
    path("<int:pk>/cancel/", admin_views.prepare_cancel, name="cancel"),
    path("<int:pk>/fast-cancel/", admin_views.fast_cancel, name="fast_cancel"),
    path(
        "<int:pk>/sent-in-error/",
        admin_views.fast_cancel,
        {"kind": "correction"},
        name="fast_correction",
    ),
    path("<int:pk>/delivery/", delivery_views.dashboard, name="delivery"),
    path("<int:pk>/reach/", include("alerts.testdays.admin_urls")),
]
