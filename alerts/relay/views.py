"""The operators' list of external alerts and the one-click relay. Every rule (roles,
what may be relayed) is in services.external_alert_relay."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alerts import roles
from alerts.admin_views import require_alert_role
from alerts.relay import selectors, services
from alerts.relay.models import ExternalAlert


def index(request):
    require_alert_role(request)
    language = (get_language() or "fr").split("-")[0]
    return TemplateResponse(
        request,
        "relay/admin/external_alerts.html",
        {
            "rows": selectors.external_alert_rows(language=language),
            "feeds": selectors.feeds(),
            "is_author": roles.is_author(request.user),
        },
    )


@require_POST
def relay(request, pk):
    require_alert_role(request)
    external = get_object_or_404(ExternalAlert, pk=pk)
    try:
        alert = services.external_alert_relay(user=request.user, external_alert=external)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect("relay_admin:index")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("relay_admin:index")
    messages.success(
        request,
        _("Draft %(identifier)s made from the external alert: check it, then submit it.")
        % {"identifier": alert.identifier},
    )
    return redirect("alerts_admin:detail", alert.pk)
