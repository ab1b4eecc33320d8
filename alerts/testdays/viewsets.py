"""Planned tests in the admin (Wagtail's model views), for the alert roles. Saves and
deletes go through the services, which audit them and make the public page stale."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from alerts import roles
from alerts.models import Commune

from . import services
from .models import PlannedTest


class AlertRolesPolicy(BasePermissionPolicy):
    """Alert authors and approvers plan tests; there is no permission to hand out."""

    def user_has_permission(self, user, action):
        return roles.has_alert_role(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(
            is_active=True, groups__name__in=[roles.AUTHORS_GROUP, roles.APPROVERS_GROUP]
        )


register_permission_policy(PlannedTest, AlertRolesPolicy(PlannedTest))


class PlannedTestForm(WagtailAdminModelForm):
    communes = forms.ModelMultipleChoiceField(
        queryset=Commune.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("communes"),
    )

    def clean(self):
        data = super().clean()
        if not data.get("whole_region") and not data.get("communes"):
            self.add_error("communes", _("Choose the communes of the test, or the whole region."))
        return data


class PlannedTestCreateView(CreateView):
    def save_instance(self):
        return services.planned_test_save(
            user=self.request.user,
            test=self.form.save(commit=False),
            communes=self.form.cleaned_data["communes"],
        )


class PlannedTestEditView(EditView):
    def save_instance(self):
        return services.planned_test_save(
            user=self.request.user,
            test=self.form.save(commit=False),
            communes=self.form.cleaned_data["communes"],
        )


class PlannedTestDeleteView(DeleteView):
    def delete_action(self):
        services.planned_test_delete(user=self.request.user, test=self.object)


class PlannedTestViewSet(ModelViewSet):
    model = PlannedTest
    icon = "date"
    menu_label = _("Planned tests")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "start", "end"]
    search_fields = ["title_fr", "title_nl", "title_en"]
    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_class = PlannedTestCreateView
    edit_view_class = PlannedTestEditView
    delete_view_class = PlannedTestDeleteView
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title_fr"), FieldPanel("title_nl"), FieldPanel("title_en")],
                heading=_("Title"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("description_fr"),
                    FieldPanel("description_nl"),
                    FieldPanel("description_en"),
                ],
                heading=_("Description"),
            ),
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
            MultiFieldPanel(
                [FieldPanel("whole_region"), FieldPanel("communes")], heading=_("Where")
            ),
            FieldPanel("channels"),
        ],
        base_form_class=PlannedTestForm,
    )
