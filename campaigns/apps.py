from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Preparedness content")

    def ready(self):
        # Imported once the models are loaded (the modules import them).
        from alerts import guidance
        from campaigns.selectors import risk_page_for_category
        from campaigns.translations import (
            alias_keep_unpublished,
            incomplete_translation_keep_unpublished,
        )

        # Alerts made from a template link the risk page of their category.
        guidance.register(risk_page_for_category)

        pre_save.connect(alias_keep_unpublished, dispatch_uid="campaigns_alias_keep_unpublished")
        pre_save.connect(
            incomplete_translation_keep_unpublished,
            dispatch_uid="campaigns_incomplete_translation_keep_unpublished",
        )
