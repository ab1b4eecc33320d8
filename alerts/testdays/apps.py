from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestDaysConfig(AppConfig):
    name = "alerts.testdays"
    label = "testdays"
    verbose_name = _("Test days")
    default_auto_field = "django.db.models.BigAutoField"
