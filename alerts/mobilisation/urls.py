from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "mobilisation"

urlpatterns = [
    path(
        "<str:token>/",
        include(
            [
                path("", views.answer, name="answer"),
                # Translators: a web address segment: lowercase ASCII, no spaces, end with /
                path(pgettext_lazy("URL", "situation/"), views.situation, name="situation"),
            ]
        ),
    ),
]
