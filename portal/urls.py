from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campaigns import views as campaigns_views
from portal import legacy_paths, passkeys, public_forms, two_factor_views, views

# Language-neutral endpoints: machines, the admin and the language switch.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("csrf-token", public_forms.token, name="public_form_token"),
    path("admin/2fa/verify/", two_factor_views.verify, name="two_factor_verify"),
    path("admin/2fa/setup/", two_factor_views.setup, name="two_factor_setup"),
    path("admin/2fa/enrol/<str:token>/", two_factor_views.enrol, name="two_factor_enrol"),
    path(
        "admin/2fa/recovery-codes/",
        two_factor_views.RecoveryCodesView.as_view(),
        name="two_factor_recovery_codes",
    ),
    path("admin/2fa/passkeys/", passkeys.ManageView.as_view(), name="two_factor_passkeys"),
    path("admin/2fa/webauthn/", include(passkeys)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("alerts.urls_data")),
    path("", include("alerts.subscriptions.root_urls")),
    path("", include("alerts.delivery.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Citizen pages live under /fr/, /nl/ and /en/; "/" is redirected by LocaleMiddleware
# according to the language cookie, then Accept-Language, then French. Their path segments
# are translated (/fr/alertes/, /nl/waarschuwingen/, /en/alerts/); the English segments the
# French and Dutch sites used before redirect permanently to the translated ones.
urlpatterns += i18n_patterns(
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "search/"), campaigns_views.search, name="search"),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "alerts/"), include("alerts.urls")),
    path("", include("alerts.subscriptions.urls")),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "mobilisation/"), include("alerts.mobilisation.urls")),
    # Translators: a segment of a web address: lowercase ASCII, no accents or spaces, end with /
    path(pgettext_lazy("URL", "test-days/"), include("alerts.testdays.urls")),
    re_path(legacy_paths.LEGACY_PATTERN, legacy_paths.legacy_path_redirect, name=legacy_paths.NAME),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
