from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from campaigns.selectors import translation_gaps


class TranslationStatusPanel(Component):
    """Dashboard panel: live pages whose French or Dutch version is missing or out of date."""

    name = "campaigns_translation_status"
    order = 150
    template_name = "campaigns/admin/translation_status_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["gaps"] = translation_gaps()
        context["title"] = _("Translations to do")
        return context


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())
