"""The second factor of one user, for superusers: what the account has (authenticator,
passkeys, recovery codes left, a link waiting to be opened) and a button to issue an
enrolment link. Reached from the users listing (More › Second factor)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal import enrolment
from portal.recovery_codes import recovery_codes_remaining
from portal.two_factor import requires_second_factor


@method_decorator(never_cache, name="dispatch")
class UserSecondFactorView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/user_second_factor.html"
    page_title = _("Second factor")
    header_icon = "key"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, user_id, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.account = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.account.get_username()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
            {
                "url": reverse("wagtailusers_users:edit", args=[self.account.pk]),
                "label": self.account.get_username(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        account = self.account
        return {
            **super().get_context_data(**kwargs),
            "account": account,
            "needs_second_factor": requires_second_factor(account),
            "authenticators": TOTPDevice.objects.filter(user=account, confirmed=True).count(),
            "passkeys": WebAuthnCredential.objects.filter(user=account, confirmed=True).count(),
            "recovery_codes": recovery_codes_remaining(account),
            "pending_link": enrolment.enrolment_link_pending(account),
        }

    def post(self, request, *args, **kwargs):
        issued = enrolment.enrolment_link_issue(
            user=self.account, issued_by=request.user, request=request
        )
        return self.render_to_response(self.get_context_data(issued=issued))
