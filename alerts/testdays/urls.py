"""Inside the language prefix: /fr/tests-alerte/, /nl/testdagen/, /en/test-days/."""

from django.urls import path

from . import views

app_name = "testdays"

urlpatterns = [
    path("", views.index, name="index"),
    path("tests.ics", views.ical, name="ical"),
]
