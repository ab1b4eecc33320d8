from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from alerts.admin_views import _require_role
from alerts.models import Alert

from .selectors import delivery_progress

REFRESH_SECONDS = 5


def dashboard(request, pk):
    """Delivery of one alert: counts per channel and state, throughput, time to
    completion, failures with their reasons. Refreshes itself while work remains."""
    _require_role(request)
    alert = get_object_or_404(Alert, pk=pk)
    progress = delivery_progress(alert)
    return TemplateResponse(
        request,
        "delivery/dashboard.html",
        {
            "alert": alert,
            "progress": progress,
            "refresh_seconds": REFRESH_SECONDS if progress.remaining else None,
            "states": ["queued", "sending", "sent", "delivered", "failed", "cancelled"],
        },
    )
