from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from campaigns import language_hooks  # noqa: F401 (its hooks register on import)
from campaigns.models import TrainingRegistration
from campaigns.permissions import RegistrationPermissionPolicy
from campaigns.translation_views import (
    UpdateTranslationsWithoutPublishingView,
    translation_submit_report,
    translation_submit_view,
)
from campaigns.translations import page_translation, translation_gaps, translation_submit


class TranslationStatusPanel(Component):
    """Dashboard panel: live pages whose French or Dutch version is missing, unpublished,
    partly translated or out of date, each with a link to where to act."""

    name = "campaigns_translation_status"
    order = 150
    template_name = "campaigns/admin/translation_status_panel.html"

    def get_context_data(self, parent_context=None):
        parent_context = parent_context or {}
        context = super().get_context_data(parent_context)
        context["gaps"] = translation_gaps()
        # For the "Submit for review" forms ({% csrf_token %} needs both).
        context["request"] = parent_context.get("request")
        context["csrf_token"] = parent_context.get("csrf_token")
        context["title"] = _("Translations to do")
        return context


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())


@hooks.register("before_edit_page", order=-1)
def translation_publish_through_workflow(request, page):
    """The translation editor's "Publish in Nederlands" (wagtail-localize answers a POST with
    action=publish to the page's edit view; this hook runs first): refused while texts are
    untranslated, and sent through the page's moderation workflow instead of publishing.
    Pages without workflow publish as wagtail-localize does. Wagtail's page editor has
    already checked that the user may edit the page."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = page_translation(page)
    if translation is None:
        return None
    outcome = translation_submit(translation=translation, page=page, user=request.user)
    if outcome.status == "no_workflow":
        return None
    translation_submit_report(request, outcome, translation, page)
    return redirect(request.path)


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    """The dashboard's "Submit for review" of a translation; and wagtail-localize's "Sync
    translated pages" without publishing, at wagtail-localize's own address (its URL name
    keeps working): registered before wagtail-localize's, so this one resolves first."""
    return [
        path(
            "translations/<int:page_id>/submit/",
            translation_submit_view,
            name="campaigns_translation_submit",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsWithoutPublishingView.as_view(),
            name="campaigns_update_translations",
        ),
    ]


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


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    actions.register_action(
        "campaigns.registration_cancel",
        _("Cancel registration"),
        _("Registration cancelled by the registrant (link in the confirmation email)"),
    )
