"""The reach report of an exercise or test alert in the alert admin: figures from the
ledger, publication on the site (services.reach_report_publish), CSV export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alerts.admin_views import require_alert_role
from alerts.delivery.selectors import delivery_reach
from alerts.models import Alert

from . import selectors, services
from .csv_export import reach_csv
from .forms import PublishForm


def _alert(pk) -> Alert:
    return get_object_or_404(Alert.objects.prefetch_related("infos"), pk=pk)


def report(request, pk):
    require_alert_role(request)
    alert = _alert(pk)
    published = selectors.published_report(alert)
    return TemplateResponse(
        request,
        "testdays/admin/report.html",
        {
            "alert": alert,
            "rows": delivery_reach(alert),
            "published": published,
            "refusal": services.reportable(alert),
            "form": PublishForm(),
        },
    )


@require_POST
def publish(request, pk):
    require_alert_role(request)
    alert = _alert(pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            services.reach_report_publish(
                user=request.user, alert=alert, planned_test=form.cleaned_data["planned_test"]
            )
        except (PermissionDenied, ValidationError) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
        else:
            messages.success(request, _("The reach report is published on the site."))
    return redirect("alerts_admin:reach_report", alert.pk)


def export_csv(request, pk):
    """The published snapshot when there is one, else the ledger's figures now."""
    require_alert_role(request)
    alert = _alert(pk)
    published = selectors.published_report(alert)
    info = alert.info_for()
    text = reach_csv(
        alert_identifier=alert.identifier,
        headline=info.headline if info else alert.event,
        rows=published.figures if published else delivery_reach(alert),
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reach-{alert.pk}.csv"'
    return response
