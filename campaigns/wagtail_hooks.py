from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from campaigns.models import TrainingRegistration
from campaigns.permissions import RegistrationPermissionPolicy
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


class TrainingRegistrationViewSet(ModelViewSet):
    """Who registered for which session: read, corrected or removed by the organisers."""

    model = TrainingRegistration
    icon = "group"
    menu_label = _("Registrations")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "email", "organisation", "session", "language", "created_at"]
    list_filter = ["language"]
    search_fields = ["name", "email", "organisation"]
    form_fields = ["name", "email", "organisation"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_permission_policy(TrainingRegistration, RegistrationPermissionPolicy(TrainingRegistration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return TrainingRegistrationViewSet("training_registrations")
