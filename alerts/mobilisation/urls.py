from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import self_service_views, views

app_name = "mobilisation"

urlpatterns = [
    # Translators: a web address segment: lowercase ASCII, no spaces, end with /
    path(
        pgettext_lazy("URL", "partner/"),
        include([path("<str:token>/", self_service_views.partner_update, name="partner_update")]),
    ),
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
