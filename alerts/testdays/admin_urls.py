"""Under an alert in the alert admin: /admin/alerts/<pk>/reach/ (alerts/admin_urls.py)."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.report, name="reach_report"),
    path("publish/", admin_views.publish, name="reach_report_publish"),
    path("reach.csv", admin_views.export_csv, name="reach_report_csv"),
]
