from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilisationConfig(AppConfig):
    name = "alerts.mobilisation"
    label = "mobilisation"
    verbose_name = _("Partner mobilisation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The ledger builds the messages of a mobilisation request through this builder,
        # and the incoming-SMS webhook passes partners' answers here (neither the delivery
        # engine nor the subscriptions know of mobilisation).
        from alerts.delivery import sources
        from alerts.subscriptions import inbound

        from . import sms_answers
        from .messages import build_message

        sources.register("mobilisation", build_message)
        inbound.register(sms_answers.handle)
