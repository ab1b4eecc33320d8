"""The sign-in audit in the admin, for superusers."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.models import LoginEvent

SHOWN = 500


class LoginEventsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/login_events.html"
    page_title = _("Sign-in audit")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = LoginEvent.objects.all()
        username = self.request.GET.get("username", "").strip()
        if username:
            events = events.filter(username__iexact=username)
        context["events"] = events[:SHOWN]
        context["username"] = username
        return context
