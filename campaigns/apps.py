from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Preparedness content")

    def ready(self):
        # Imported once the models are loaded (the module imports them).
        from campaigns.translations import (
            alias_keep_unpublished,
            incomplete_translation_keep_unpublished,
        )

        pre_save.connect(alias_keep_unpublished, dispatch_uid="campaigns_alias_keep_unpublished")
        pre_save.connect(
            incomplete_translation_keep_unpublished,
            dispatch_uid="campaigns_incomplete_translation_keep_unpublished",
        )
