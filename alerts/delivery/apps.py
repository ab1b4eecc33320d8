from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "alerts.delivery"
    label = "delivery"
    verbose_name = _("Alert delivery")

    def ready(self):
        from . import lookups  # noqa: F401 - registers the JSON array lookup
