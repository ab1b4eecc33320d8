from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelayConfig(AppConfig):
    name = "alerts.relay"
    label = "relay"
    verbose_name = _("Official feeds")
    default_auto_field = "django.db.models.BigAutoField"
