from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from alerts.admin_views import require_alert_role
from alerts.channels.registry import get_channel
from alerts.models import Alert

from .selectors import delivery_progress

REFRESH_SECONDS = 5


def dashboard(request, pk):
    """Delivery of one alert: counts per channel and state, throughput, time to
    completion, failures with their reasons. Refreshes itself while work remains."""
    require_alert_role(request)
    alert = get_object_or_404(Alert, pk=pk)
    progress = delivery_progress(alert)
    # Channels without provider credentials write to the local outbox: say so plainly.
    outbox = [c.channel for c in progress.channels if not get_channel(c.channel).delivers]
    return TemplateResponse(
        request,
        "delivery/dashboard.html",
        {
            "alert": alert,
            "progress": progress,
            "outbox_channels": outbox,
            "refresh_seconds": REFRESH_SECONDS if progress.remaining else None,
            "states": ["queued", "sending", "sent", "delivered", "failed", "cancelled"],
        },
    )
