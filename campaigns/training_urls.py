"""The addresses under a training page (TrainingPage.subpage_urlconf): the page itself,
a registrant's registration and its cancellation, both reached by a signed link."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from campaigns import training_views

urlpatterns = [
    path("", training_views.training_page, name="training"),
    path(
        # Translators: URL segment under a training page: lower case, no space, ends with /.
        format_lazy("{}<str:token>/", _("registration/")),
        training_views.registration_detail,
        name="registration",
    ),
    path(
        # Translators: URL segment under a training page: lower case, no space, ends with /.
        format_lazy("{}<str:token>/", _("cancel/")),
        training_views.registration_cancel_view,
        name="cancel",
    ),
]
