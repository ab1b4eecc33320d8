"""Citizen pages, under /<language>/ (included inside i18n_patterns).

The path segments are translated (/fr/inscription/, /nl/inschrijven/, /en/subscribe/);
portal.legacy_paths answers the English paths of other languages, which printed messages
carry, with a permanent redirect.
"""

from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "subscriptions"

manage_token_patterns = [
    path("", views.manage, name="manage"),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "add/"), views.manage_add_channel, name="manage_add"),
    path(
        # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
        pgettext_lazy("URL", "stop/"),
        include([path("<int:pk>/", views.manage_stop_channel, name="manage_stop")]),
    ),
    path(
        # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
        pgettext_lazy("URL", "erase-position/"),
        include([path("<int:pk>/", views.manage_position_erase, name="manage_position_erase")]),
    ),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "export/"), views.manage_export, name="manage_export"),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "erase/"), views.manage_erase, name="manage_erase"),
]

manage_patterns = [
    path("", views.manage_access, name="manage_access"),
    path("code/", views.manage_code, name="manage_code"),
    path("<str:token>/", include(manage_token_patterns)),
]

subscribe_patterns = [
    path("", views.subscribe, name="subscribe"),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "pending/"), views.pending, name="pending"),
    path(
        # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
        pgettext_lazy("URL", "confirm/"),
        include([path("<str:token>/", views.confirm_email, name="confirm_email")]),
    ),
]

subscriptions_patterns = [
    path("push/", views.push_subscription, name="push_subscription"),
    path("push/position/", views.push_position, name="push_position"),
    path("push/position/erase/", views.push_position_erase, name="push_position_erase"),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "manage/"), include(manage_patterns)),
]

urlpatterns = [
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "subscribe/"), include(subscribe_patterns)),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "subscriptions/"), include(subscriptions_patterns)),
    path("manifest.webmanifest", views.web_app_manifest, name="web_app_manifest"),
    path(
        # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
        pgettext_lazy("URL", "unsubscribe/"),
        include([path("<str:token>/", views.unsubscribe, name="unsubscribe")]),
    ),
]
