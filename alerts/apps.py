from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alerts")

    def ready(self):
        from django.db.models.signals import post_migrate

        from alerts.roles import grant_role_permissions

        # On every migrate.
        post_migrate.connect(
            grant_role_permissions, sender=self, dispatch_uid="alerts_role_permissions"
        )
