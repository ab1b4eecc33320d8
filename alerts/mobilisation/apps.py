from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilisationConfig(AppConfig):
    name = "alerts.mobilisation"
    label = "mobilisation"
    verbose_name = _("Partner mobilisation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The ledger builds the messages of a mobilisation request through this builder
        # (the delivery engine knows nothing of mobilisation).
        from alerts.delivery import sources

        from .messages import build_message

        sources.register("mobilisation", build_message)
