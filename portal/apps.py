from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import checks, login_audit, page_cache  # noqa: F401  (receivers, checks)

        page_cache.connect_signals()
