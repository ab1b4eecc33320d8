"""The local outbox in the admin: what would have been sent, clearly marked as not sent.

Superusers only: the outbox holds addresses and one-time codes."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .outbox import NOT_SENT, OutboxChannel
from .registry import email_configured, sms_configured

SHOWN_PER_CHANNEL = 50


def outbox_in_use() -> bool:
    return not (sms_configured() and email_configured())


class OutboxView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "subscriptions/admin/outbox.html"
    page_title = _("Local outbox (not sent)")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["not_sent"] = NOT_SENT
        context["channels"] = [
            (name, list(reversed(OutboxChannel(name).read_all()))[:SHOWN_PER_CHANNEL])
            for name in ("sms", "email", "push")
        ]
        context["configured"] = {"sms": sms_configured(), "email": email_configured()}
        return context
