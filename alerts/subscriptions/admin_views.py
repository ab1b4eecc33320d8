"""Subscriber statistics for authorised staff: counts only, no personal data."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors

STATS_PERMISSION = "subscriptions.view_subscriber_stats"


class SubscriberStatsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "subscriptions/admin/stats.html"
    page_title = _("Subscribers")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(STATS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = selectors.subscriber_counts()
        return context
