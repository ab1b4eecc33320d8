from django.urls import path

from alerts.relay import views

app_name = "relay_admin"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/relay/", views.relay, name="relay"),
]
