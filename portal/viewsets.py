"""The sign-in audit in the admin: Wagtail's model listing of LoginEvent, read-only and for
superusers alone. Newest first, paginated, filtered by event, user name, address and date.
It answers at /admin/sign-ins/, where the earlier page was (bookmarks keep working)."""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.forms import CheckboxSelectMultiple
from django.template.defaultfilters import truncatechars
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from portal import localization
from portal.models import LoginEvent, LoginEventKind


class SuperusersReadOnlyPolicy(BasePermissionPolicy):
    """Superusers may read the audit; nobody may add, change or delete a line, and there is
    no permission to hand out to a group."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


class LoginEventFilterSet(WagtailFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Event"), choices=LoginEventKind.choices, widget=CheckboxSelectMultiple
    )
    username = django_filters.CharFilter(label=_("User name"), lookup_expr="icontains")
    ip_address = django_filters.CharFilter(
        label=_("Address (or its beginning)"), lookup_expr="istartswith"
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = LoginEvent
        fields = ["kind", "username", "ip_address", "created_at"]


class LoginEventIndexView(IndexView):
    any_permission_required = ["view"]

    def order_queryset(self, queryset):
        # Events of the same instant keep one order from page to page.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")


def _when(event) -> str:
    # To the second, in the reader's language ("4 déc. 2026, 22:53:55").
    return localization.format_datetime(event.created_at, "medium")


class LoginEventViewSet(ModelViewSet):
    model = LoginEvent
    name = "login_events"
    url_prefix = "sign-ins"
    icon = "key"
    menu_label = _("Sign-in audit")
    add_to_settings_menu = True
    menu_order = 900
    index_view_class = LoginEventIndexView
    filterset_class = LoginEventFilterSet
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        Column("created_at", label=_("When"), accessor=_when, sort_key="created_at"),
        Column("kind", label=_("Event"), accessor="get_kind_display", sort_key="kind"),
        Column("username", label=_("User name"), sort_key="username"),
        Column("ip_address", label=_("Address"), sort_key="ip_address"),
        Column("detail", label=_("Details")),
        Column(
            "user_agent",
            label=_("Browser"),
            accessor=lambda event: truncatechars(event.user_agent, 60),
        ),
    ]
    add_to_reference_index = False
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=_("Sign-in audit"), **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        # Only the listing exists: no link to add, edit, delete or inspect a line.
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "delete_url_name": None,
            "history_url_name": None,
            "usage_url_name": None,
        }

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def register_admin_url_finder(self):
        pass  # a line has no page of its own to be linked to

    def get_permissions_to_register(self):
        return Permission.objects.none()

    def register_permissions(self):
        register_permission_policy(LoginEvent, SuperusersReadOnlyPolicy(LoginEvent))
