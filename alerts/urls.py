"""Alert pages, inside the language prefix (/fr/alertes/, /nl/waarschuwingen/, /en/alerts/)."""

from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.alert_list, name="list"),
    path("<str:identifier>/", views.alert_detail, name="detail"),
]
