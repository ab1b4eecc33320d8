from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from alerts.channels.admin_views import OutboxView, outbox_in_use

from .admin_forms import AudienceMemberForm
from .admin_views import STATS_PERMISSION, SubscriberStatsView
from .models import AudienceMember


class AudienceMemberViewSet(ModelViewSet):
    model = AudienceMember
    icon = "group"
    menu_label = _("Test audience & partners")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["__str__", "audience", "organisation", "language", "created_at"]
    list_filter = ["audience", "language"]

    def get_form_class(self, for_update=False):
        return AudienceMemberForm


audience_member_viewset = AudienceMemberViewSet("audience_members")


@hooks.register("register_admin_viewset")
def register_audience_viewset():
    return audience_member_viewset


@hooks.register("register_admin_urls")
def register_stats_url():
    return [
        path("subscriptions/stats/", SubscriberStatsView.as_view(), name="subscriber_stats"),
        path("outbox/", OutboxView.as_view(), name="local_outbox"),
    ]


class StatsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(STATS_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_stats_menu_item():
    return StatsMenuItem(
        _("Subscriber statistics"),
        reverse("subscriber_stats"),
        icon_name="table",
        order=320,
    )


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser and outbox_in_use()


@hooks.register("register_admin_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        _("Local outbox (not sent)"), reverse("local_outbox"), icon_name="mail", order=330
    )
